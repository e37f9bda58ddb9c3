// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace tg {

class PublishFlow;
struct PublishResult;

/// Whom a message belongs to, so that it goes when its owner ends or changes.
enum class MessageScope
{
    Global,    ///< the app's own news (an update, the account); stays until dismissed or cleared
    Draft,     ///< about the open draft; cleared when another draft is opened or a new one started
    Operation, ///< about one operation (named by a key); cleared when that operation succeeds
};

/// A button offered next to a message ("Switch to Markdown", "Publish anyway").
struct MessageAction
{
    QString text;
    std::function<void()> run; ///< called on click; the message is dismissed first
    bool isValid() const { return !text.isEmpty() && run; }
};

/// One line of the message area: a text, the link of a published page (copy, open in the
/// browser), an optional action button, a Cancel button while its operation runs and a close
/// button once it ended.
class MessageLine : public QWidget
{
    Q_OBJECT
public:
    explicit MessageLine(QWidget *parent = nullptr);

    /// Shows a running step; the Cancel button is shown when the operation can be cancelled.
    void showRunning(const QString &text, bool cancellable);
    /// Shows an ended operation's or another caller's message, with the page's link if any.
    void showDone(const QString &text, bool error, const QString &url = {},
                  const MessageAction &action = {});
    /// Hides the line (as its close button does).
    void dismiss();
    QString text() const;
    QString url() const { return m_url; }
    /// True while the line shows an error (red text).
    bool isError() const { return m_error; }
    /// True while it shows a running operation's step.
    bool isRunning() const { return m_running; }
    /// The id of the message shown now (a new one with each showRunning()/showDone()).
    int messageId() const { return m_id; }
    MessageScope scope() const { return m_scope; }
    void setScope(MessageScope scope) { m_scope = scope; }
    QToolButton *cancelButton() const { return m_cancel; }
    QToolButton *closeButton() const { return m_close; }
    /// The action button (hidden unless the message offers an action).
    QToolButton *actionButton() const { return m_action; }

Q_SIGNALS:
    /// The writer pressed Cancel.
    void cancelRequested();
    /// The line changed (it is now the newest message).
    void changed();
    /// The line was hidden (dismissed or cleared).
    void dismissed();

private:
    QLabel *m_label;
    QToolButton *m_copy;
    QToolButton *m_open;
    QToolButton *m_action;
    QToolButton *m_cancel;
    QToolButton *m_close;
    QString m_url;
    std::function<void()> m_run;
    MessageScope m_scope = MessageScope::Global;
    int m_id = 0;
    bool m_error = false;
    bool m_running = false;
};

/// The window's central message area, under the editor. Every operation that is tracked
/// (publish, series, unpublish, opening a page) has its own line with its progress, the
/// flood-wait countdown and its own Cancel button wired to that operation's cancel(); when it
/// ends, the line keeps its outcome until dismissed or until its scope is cleared (a publish's
/// outcome belongs to the draft). Other callers show a message with showMessage(): on the
/// general line, or on a line of their own that belongs to the open draft or to an operation;
/// each message has an id so that its caller can take it back with clearMessage().
class MessageArea : public QWidget
{
    Q_OBJECT
public:
    explicit MessageArea(QWidget *parent = nullptr);

    /// The operation key of opening files and pages: a failed open's message goes with the next
    /// successful open.
    static QString openOperation() { return QStringLiteral("open"); }

    /// Shows the runs of this flow on a line of their own (not owned; forgotten when destroyed).
    /// Its ended outcome belongs to scope: Draft outcomes go when the draft changes, Operation
    /// outcomes with clearOperation(key).
    void track(PublishFlow *flow, MessageScope scope = MessageScope::Operation,
               const QString &key = {});
    /// A global message on the general line; returns its id (see clearMessage()).
    int showMessage(const QString &message, bool error);
    /// A message that belongs to scope; messages of a scope with the same key share a line (the
    /// newer replaces the older). Draft messages go on clearScope(MessageScope::Draft),
    /// Operation messages on clearOperation(key). Returns its id.
    int showMessage(const QString &message, bool error, MessageScope scope, const QString &key = {},
                    const MessageAction &action = {});
    /// Hides the message with this id if it is still shown (a newer message on its line stays).
    void clearMessage(int id);
    /// Hides every ended message of the scope (running operations stay).
    void clearScope(MessageScope scope);
    /// Hides the ended messages of this scope and key (tracked flows' lines included), except
    /// the line keep.
    void clearMessages(MessageScope scope, const QString &key, const MessageLine *keep = nullptr);
    /// Hides the ended messages of this operation key, except the line keep.
    void clearOperation(const QString &key, const MessageLine *keep = nullptr)
    {
        clearMessages(MessageScope::Operation, key, keep);
    }
    /// The newest message shown (on whichever line); empty once it was dismissed or cleared.
    QString text() const;
    /// The page link of the newest message, if it has one.
    QString url() const;
    /// The line of a tracked flow; null when it is not tracked.
    MessageLine *lineOf(const PublishFlow *flow) const;
    /// The line showing the message with this id; null when none does.
    MessageLine *lineOfMessage(int id) const;
    /// The general line (created on first use).
    MessageLine *generalLine();
    /// The lines shown now, top to bottom.
    QList<MessageLine *> visibleLines() const;

Q_SIGNALS:
    /// A tracked flow ended (after its line shows the outcome).
    void flowFinished(const tg::PublishResult &result);

private:
    MessageLine *addLine();
    void updateVisibility();

    QVBoxLayout *m_layout;
    QHash<const PublishFlow *, MessageLine *> m_lines;
    QHash<QString, MessageLine *> m_keyed; ///< "scope/key" → its line
    QPointer<MessageLine> m_general;
    QPointer<MessageLine> m_latest;
};

} // namespace tg
