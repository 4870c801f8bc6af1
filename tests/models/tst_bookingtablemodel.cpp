// BookingTableModel: structurally sound (QAbstractItemModelTester) and shows times in the zone
// it is given.

#include "models/BookingTableModel.h"
#include "support/TestData.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace slotdesk;

class TestBookingTableModel : public QObject {
    Q_OBJECT

private slots:
    void rowsAndColumns() {
        models::BookingTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVector<Booking> bookings{test::makeBooking("u", test::utc("2026-12-01T08:00:00Z"), 45),
                                  test::makeBooking("u", test::utc("2026-07-01T08:00:00Z"), 30,
                                                    BookingStatus::Confirmed)};
        bookings[0].id = "b1";
        bookings[1].id = "b2";
        model.setBookings(bookings, "Europe/Berlin");
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(models::BookingTableModel::ColumnCount));
        // Winter (+01:00) and summer (+02:00) offsets, each for its own date.
        QCOMPARE(model.index(0, models::BookingTableModel::Start).data().toString(),
                 "2026-12-01 09:00");
        QCOMPARE(model.index(1, models::BookingTableModel::Start).data().toString(),
                 "2026-07-01 10:00");
        QCOMPARE(model.index(0, models::BookingTableModel::Duration).data().toString(), "45 min");
        QCOMPARE(model.index(1, models::BookingTableModel::Status).data().toString(), "confirmed");
        QCOMPARE(model.index(1, 0).data(models::BookingTableModel::BookingIdRole).toString(), "b2");
        QCOMPARE(model.headerData(models::BookingTableModel::Attendee, Qt::Horizontal).toString(),
                 "Attendee");
        model.setBookings({}, "UTC");
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_APPLESS_MAIN(TestBookingTableModel)
#include "tst_bookingtablemodel.moc"
