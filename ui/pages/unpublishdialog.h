// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;
class QPushButton;

namespace tg {

struct Page;

/// Asks before unpublishing a page: names the page, lets the user write the notice it will show
/// instead of its content, and says that the content is kept as a local revision that can be
/// published back. The notice is offered selected so typing replaces it; Return starts a new
/// line after it (never over the selection) and Ctrl+Return unpublishes.
class UnpublishDialog : public QDialog
{
    Q_OBJECT
public:
    UnpublishDialog(const Page &page, QWidget *parent = nullptr);

    /// The notice as typed (trimmed).
    QString notice() const;
    QPlainTextEdit *noticeEdit() const { return m_notice; }
    QPushButton *unpublishButton() const { return m_ok; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_notice;
    QPushButton *m_ok;
};

} // namespace tg
