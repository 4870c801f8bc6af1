// GUI costs the admin feels: painting a week of the calendar with 2,000 items (offscreen, into
// a QImage — the budget is one 60 Hz frame, 16 ms), and opening the bookings table on a
// database of 100,000 bookings (budget 300 ms; the table reads its first page lazily).

#include "models/AdminSession.h"
#include "models/BookingTableModel.h"
#include "models/CalendarItemModel.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"
#include "ui/Appearance.h"
#include "ui/BookingActions.h"
#include "ui/BookingsPage.h"
#include "ui/CalendarView.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QTableView>
#include <QTemporaryDir>

#include <memory>
#include <random>

namespace {

using namespace slotdesk;

// Deterministic, so that runs are comparable.
class Dice {
public:
    explicit Dice(unsigned seed)
        : m_engine(seed) {}
    int below(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(m_engine); }

private:
    std::mt19937 m_engine;
};

const QString kZone = QStringLiteral("Europe/Berlin");

QVector<models::CalendarItem> weekOfItems(int count) {
    Dice random(42);
    QVector<models::CalendarItem> items;
    items.reserve(count);
    const QDateTime monday = QDateTime(QDate(2027, 3, 1), QTime(6, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        Booking b;
        b.id = QStringLiteral("b%1").arg(i);
        b.attendeeName = QStringLiteral("Attendee %1").arg(i);
        b.attendeeEmail = QStringLiteral("a%1@example.org").arg(i);
        b.timeZone = QStringLiteral("America/New_York");
        b.startTime = monday.addDays(random.below(7)).addSecs(60 * 15 * random.below(48));
        b.endTime = b.startTime.addSecs(60 * 15 * (1 + random.below(8)));
        b.status = random.below(3) == 0 ? BookingStatus::Pending : BookingStatus::Confirmed;
        if (random.below(5) == 0) {
            CalendarEvent e;
            e.id = b.id;
            e.title = QStringLiteral("Busy %1").arg(i);
            e.startTime = b.startTime;
            e.endTime = b.endTime;
            items.append(models::CalendarItem::fromEvent(e, kZone));
        } else {
            items.append(models::CalendarItem::fromBooking(b, kZone));
        }
    }
    return items;
}

struct WeekFixture {
    models::CalendarItemModel model;
    ui::CalendarView view;
    QImage image;

    explicit WeekFixture(int count) {
        model.setItems(weekOfItems(count), kZone);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(1400, 900);
        view.show(); // lays the scroll area out: the viewport gets its real size
        QCoreApplication::processEvents();
        view.setTimeZone(kZone);
        view.setModel(&model);
        view.setDate(QDate(2027, 3, 3));
        view.setClock(
            core::ManualClock(QDateTime(QDate(2027, 3, 3), QTime(11, 0), Qt::UTC)).clock());
        view.scrollToMinute(8 * 60);
        image = QImage(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    }
};

void BM_WeekViewPaint(benchmark::State& state) {
    WeekFixture fixture(static_cast<int>(state.range(0)));
    fixture.view.viewport()->render(&fixture.image); // lays out once
    // SLOTDESK_BENCH_IMAGE=week.png: see what was measured.
    if (const QString path = qEnvironmentVariable("SLOTDESK_BENCH_IMAGE"); !path.isEmpty())
        fixture.image.save(path);
    for (auto _ : state) {
        fixture.view.viewport()->render(&fixture.image);
        benchmark::DoNotOptimize(fixture.image.constBits());
    }
    state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_WeekViewPaint)->Arg(2000)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// After a model change the view lays its items out again before painting.
void BM_WeekViewRelayoutAndPaint(benchmark::State& state) {
    WeekFixture fixture(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        emit fixture.model.layoutAboutToBeChanged();
        emit fixture.model.layoutChanged();
        fixture.view.viewport()->render(&fixture.image);
        benchmark::DoNotOptimize(fixture.image.constBits());
    }
    state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_WeekViewRelayoutAndPaint)->Arg(2000)->Unit(benchmark::kMillisecond)->MinTime(2.0);

struct BookingsDatabase {
    QTemporaryDir dir;
    std::unique_ptr<storage::Database> db;

    explicit BookingsDatabase(int count) {
        auto opened = storage::Database::openInDirectory(dir.path());
        if (!opened)
            qFatal("cannot open the database");
        db = std::move(*opened);
        User admin;
        admin.username = QStringLiteral("alice");
        admin.name = QStringLiteral("Alice Admin");
        admin.email = QStringLiteral("alice@example.org");
        admin.timeZone = kZone;
        auto created = storage::UserRepository(db->connection()).create(admin);
        if (!created)
            qFatal("cannot create the admin");
        auto tx = storage::Transaction::begin(db->connection(), storage::Transaction::Mode::Write);
        if (!tx)
            qFatal("cannot begin");
        Dice random(7);
        storage::BookingRepository bookings(db->connection());
        // Whole seconds, as every stored booking is.
        const QDateTime start =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC)
                .addDays(-365);
        for (int i = 0; i < count; ++i) {
            Booking b;
            b.userId = created->id;
            b.startTime = start.addSecs(60LL * 15 * random.below(4 * 24 * 730));
            b.endTime = b.startTime.addSecs(60 * 30);
            b.attendeeName = QStringLiteral("Attendee %1").arg(i);
            b.attendeeEmail = QStringLiteral("attendee%1@example.org").arg(i);
            b.timeZone = QStringLiteral("America/New_York");
            b.status = static_cast<BookingStatus>(random.below(4));
            if (!bookings.create(b))
                qFatal("cannot insert");
        }
        if (!tx->commit())
            qFatal("cannot commit");
    }
};

void BM_BookingsTableOpen(benchmark::State& state) {
    static BookingsDatabase data(static_cast<int>(state.range(0)));
    QImage image(QSize(1200, 800), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        models::AdminSession session(*data.db);
        ui::BookingActions actions(&session, nullptr);
        ui::BookingsPage page(&session, &actions);
        page.setAttribute(Qt::WA_DontShowOnScreen);
        page.resize(1200, 800);
        page.show();
        // The profile, then the first page of rows and the count, read on the session's worker.
        while (!session.isLoaded() || page.sourceModel()->isLoading())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        page.render(&image); // layout, first page of rows, first paint
        benchmark::DoNotOptimize(image.constBits());
        state.counters["rows_loaded"] = page.table()->model()->rowCount();
        state.counters["matching"] = page.sourceModel()->totalCount();
    }
}
BENCHMARK(BM_BookingsTableOpen)->Arg(100000)->Unit(benchmark::kMillisecond)->MinTime(2.0);

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ui::Appearance::apply(ui::Appearance::Theme::Light);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
