// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace tg {

struct PublishOutcome;

/// A slim bar under the editor that tells how publishing goes: progress, the flood-wait
/// countdown, the resulting URL (copy, open in browser) or the error in plain words.
class PublishBar : public QWidget
{
    Q_OBJECT
public:
    explicit PublishBar(QWidget *parent = nullptr);

    void showProgress(const QString &message);
    void showFloodWait(int secondsLeft);
    void showOutcome(const PublishOutcome &outcome);
    void showMessage(const QString &message, bool error);
    QString text() const;
    QString url() const { return m_url; }

Q_SIGNALS:
    /// The writer asked to cancel the running publish.
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_open = nullptr;
    QToolButton *m_cancel = nullptr;
    QToolButton *m_close = nullptr;
    QString m_url;
};

} // namespace tg
