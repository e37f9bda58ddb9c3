// SPDX-License-Identifier: MIT
#include "drafts/revisionsdialog.h"

#include "storage/draftstore.h"
#include "workflow/linediff.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tg {

RevisionsDialog::RevisionsDialog(DraftStore *store, const QString &draftId,
                                 const QString &currentBody, QWidget *parent)
    : QDialog(parent)
    , m_revisions(store->revisions(draftId))
    , m_current(currentBody)
    , m_list(new QListWidget(this))
    , m_diff(new QTextBrowser(this))
{
    setWindowTitle(tr("Revisions"));
    setObjectName(QStringLiteral("revisionsDialog"));
    resize(900, 560);
    for (const Revision &r : std::as_const(m_revisions)) {
        m_list->addItem(
            tr("%1 — %2").arg(QLocale().toString(r.created.toLocalTime(), QLocale::ShortFormat),
                              r.title.isEmpty() ? tr("(untitled)") : r.title));
    }
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("Restore this version"), QDialogButtonBox::ActionRole);
    m_restore->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &RevisionsDialog::restoreSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &RevisionsDialog::showSelected);
    if (m_revisions.isEmpty())
        m_diff->setPlainText(tr("No revisions yet: one is kept each time the page is published "
                                "or updated."));
    else
        m_list->setCurrentRow(0);
}

void RevisionsDialog::showSelected()
{
    const int row = m_list->currentRow();
    m_restore->setEnabled(row >= 0);
    if (row < 0 || row >= m_revisions.size())
        return;
    m_diff->setHtml(diffToHtml(lineDiff(m_revisions[row].body, m_current)));
}

QString RevisionsDialog::diffText() const
{
    return m_diff->toPlainText();
}

void RevisionsDialog::restoreSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_revisions.size())
        return;
    Q_EMIT restoreRequested(m_revisions[row]);
    accept();
}

} // namespace tg
