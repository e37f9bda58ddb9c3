// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace tg {

class PublishFlow;
struct PublishResult;

/// One line of the message area: a text, the link of a published page (copy, open in the
/// browser), a Cancel button while its operation runs and a close button once it ended.
class MessageLine : public QWidget
{
    Q_OBJECT
public:
    explicit MessageLine(QWidget *parent = nullptr);

    /// Shows a running step; the Cancel button is shown when the operation can be cancelled.
    void showRunning(const QString &text, bool cancellable);
    /// Shows an ended operation's or another caller's message, with the page's link if any.
    void showDone(const QString &text, bool error, const QString &url = {});
    QString text() const;
    QString url() const { return m_url; }
    QToolButton *cancelButton() const { return m_cancel; }
    QToolButton *closeButton() const { return m_close; }

Q_SIGNALS:
    /// The writer pressed Cancel.
    void cancelRequested();
    /// The line changed (it is now the newest message).
    void changed();

private:
    QLabel *m_label;
    QToolButton *m_copy;
    QToolButton *m_open;
    QToolButton *m_cancel;
    QToolButton *m_close;
    QString m_url;
};

/// The window's central message area, under the editor. Every operation that is tracked
/// (publish, series, unpublish, opening a page) has its own line with its progress, the
/// flood-wait countdown and its own Cancel button wired to that operation's cancel(); when it
/// ends, the line keeps its outcome until dismissed. Other callers show a message with
/// showMessage() on a general line.
class MessageArea : public QWidget
{
    Q_OBJECT
public:
    explicit MessageArea(QWidget *parent = nullptr);

    /// Shows the runs of this flow on a line of their own (not owned; forgotten when destroyed).
    void track(PublishFlow *flow);
    /// A message on the general line.
    void showMessage(const QString &message, bool error);
    /// The newest message shown (on whichever line).
    QString text() const;
    /// The page link of the newest message, if it has one.
    QString url() const;
    /// The line of a tracked flow; null when it is not tracked.
    MessageLine *lineOf(const PublishFlow *flow) const;
    /// The general line (created on first use).
    MessageLine *generalLine();

private:
    MessageLine *addLine();
    void updateVisibility();

    QVBoxLayout *m_layout;
    QHash<const PublishFlow *, MessageLine *> m_lines;
    QPointer<MessageLine> m_general;
    QPointer<MessageLine> m_latest;
};

} // namespace tg
