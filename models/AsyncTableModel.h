#pragma once
// AsyncTableModel: a table model whose rows are read on the session's DatabaseWorker thread. It
// says whether a read is under way (`loading`, for a "Loading…" placeholder), reports failures,
// and applies only the answer to its newest request: one read at a time, and a request made
// while one is under way replaces any still waiting, so a burst of changes (database ticks, the
// admin paging through weeks) costs at most one read more, and an older answer never
// overwrites a newer one. It reads for the session it follows, again whenever that session's
// database changes.

#include "models/AdminSession.h"
#include "models/DatabaseWorker.h"

#include <QAbstractTableModel>

#include <functional>
#include <type_traits>
#include <utility>

namespace slotdesk::models {

class AsyncTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    // A model of `columns` columns.
    explicit AsyncTableModel(int columns, QObject* parent = nullptr)
        : QAbstractTableModel(parent)
        , m_columns(columns) {}

    [[nodiscard]] bool isLoading() const { return m_loading; }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : m_columns;
    }

public slots:
    // Reads the rows again (what a change of the followed session's database calls).
    virtual void reload() = 0;

signals:
    void loadingChanged(bool loading);
    void loadFailed(const QString& message);

protected:
    [[nodiscard]] AdminSession* session() const { return m_session; }
    // Reads for `session` (nullptr: none) from now on: reload() at every change of its database.
    // The caller makes the first read.
    void followSession(AdminSession* session);

    // Runs `work(database)` (a Result<T>; it runs on the worker thread, so it captures values,
    // never `this`) and then `apply(T)` here, unless a newer load() or forgetRequests() came
    // first. `loading` stays true until the answer has been applied.
    template <typename Work, typename Apply>
    void load(DatabaseWorker* worker, Work work, Apply apply) {
        ++m_request;
        setLoading(true);
        Request request = [this, worker, work = std::move(work), apply = std::move(apply)] {
            const quint64 made = m_request;
            m_reading = true;
            worker->post(this, work, [this, made, apply](auto answer) mutable {
                m_reading = false;
                if (made != m_request) {
                    startWaiting();
                    return;
                }
                if (answer)
                    apply(std::move(*answer));
                if (made == m_request) // else `apply` started a newer request
                    setLoading(false);
                if (!answer)
                    emit loadFailed(answer.error().message);
            });
        };
        m_waiting = std::move(request);
        if (!m_reading)
            startWaiting();
    }
    // load() what `read(database, userId)` returns for the session's admin; without an admin
    // (once the session knows there is none), apply() an empty value instead.
    template <typename Read, typename Apply> void loadForAdmin(Read read, Apply apply) {
        using Answer = std::invoke_result_t<Read&, storage::Database&, const QString&>;
        using Value = std::decay_t<decltype(std::declval<Answer&>().value())>;
        if (!canRead()) {
            if (m_session->isLoaded())
                apply(Value{});
            return;
        }
        load(
            m_session->worker(),
            [userId = m_session->userId(), read](storage::Database& database) {
                return read(database, userId);
            },
            std::move(apply));
    }
    // Whether the session (followed, not nullptr) has an admin to read for. Until its profile
    // has been read the model is loading (the session's first databaseChanged() then asks
    // again); without an admin, whatever was requested is forgotten.
    bool canRead();
    // Drops the answer to any request under way or waiting (nothing to read any more).
    void forgetRequests();
    // Loading, without a request yet (the session has not read the profile).
    void setLoading(bool loading);

private:
    using Request = std::function<void()>;
    void startWaiting();

    const int m_columns;
    AdminSession* m_session = nullptr;
    Request m_waiting;
    quint64 m_request = 0;
    bool m_reading = false;
    bool m_loading = false;
};

} // namespace slotdesk::models
