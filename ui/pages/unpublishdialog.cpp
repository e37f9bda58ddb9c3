// SPDX-License-Identifier: MIT
#include "pages/unpublishdialog.h"

#include "api/apitypes.h"
#include "window/dialogsize.h"
#include "workflow/unpublishflow.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace tg {

UnpublishDialog::UnpublishDialog(const Page &page, QWidget *parent)
    : QDialog(parent)
    , m_notice(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Unpublish Page"));
    const QString name = page.title.isEmpty() ? page.path : page.title;
    auto *question = new QLabel(
        tr("Replace the content of “%1” (%2) with this notice? Telegraph cannot delete pages; "
           "the page stays at its address and shows only the notice.")
            .arg(name.toHtmlEscaped(), QUrl(page.url).toDisplayString().toHtmlEscaped()),
        this);
    question->setWordWrap(true);
    question->setTextFormat(Qt::RichText);
    auto *kept =
        new QLabel(tr("The current content is kept on this computer as a revision of the "
                      "page's draft: File → Revisions… restores it and publishes it back."),
                   this);
    kept->setWordWrap(true);
    m_notice->setPlainText(UnpublishFlow::defaultNotice());
    m_notice->setTabChangesFocus(true);
    m_notice->setAccessibleName(tr("Notice shown instead of the content"));
    m_notice->setMaximumHeight(120);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("&Unpublish"), QDialogButtonBox::AcceptRole);
    m_ok->setAccessibleName(tr("Unpublish"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_notice, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = notice();
        m_ok->setEnabled(!text.isEmpty() && text.size() <= UnpublishFlow::MaxNoticeLength);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_notice);
    layout->addWidget(kept);
    layout->addWidget(buttons);
    m_notice->installEventFilter(this);
    fitDialogToText(this, 60);
    m_notice->setFocus();
    m_notice->selectAll();
}

bool UnpublishDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_notice || event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        return false;
    if (key->modifiers() & Qt::ControlModifier) {
        if (m_ok->isEnabled())
            m_ok->click();
        return true;
    }
    // Return over the offered (selected) notice would replace it with an empty line: the new
    // line goes after the selection instead, which stays as written.
    QTextCursor cursor = m_notice->textCursor();
    if (cursor.hasSelection()) {
        cursor.setPosition(cursor.selectionEnd());
        m_notice->setTextCursor(cursor);
    }
    return false; // the edit inserts the line break
}

QString UnpublishDialog::notice() const
{
    return m_notice->toPlainText().trimmed();
}

} // namespace tg
