// SPDX-License-Identifier: MIT
#include "drafts/draftspanel.h"

#include "storage/draftstore.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

namespace tg {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int PagePathRole = Qt::UserRole + 2;
} // namespace

DraftsPanel::DraftsPanel(DraftStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_trash(new QCheckBox(tr("Show trash"), this))
{
    setObjectName(QStringLiteral("draftsPanel"));
    m_list->setObjectName(QStringLiteral("draftList"));
    m_list->setAccessibleName(tr("Drafts"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_trash);
    connect(m_trash, &QCheckBox::toggled, this, &DraftsPanel::refresh);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (!m_trash->isChecked())
            Q_EMIT openRequested(item->data(IdRole).toString());
    });
    connect(m_list, &QListWidget::customContextMenuRequested, this, &DraftsPanel::showMenu);
    m_titleTimer.setSingleShot(true);
    m_titleTimer.setInterval(TitleUpdateMs);
    connect(&m_titleTimer, &QTimer::timeout, this, &DraftsPanel::applyTypedTitle);
}

void DraftsPanel::applyTitle(QListWidgetItem *item, const QString &title, const QString &pagePath)
{
    QString label = title.trimmed().isEmpty() ? tr("(untitled)") : title;
    if (!pagePath.isEmpty())
        label += QStringLiteral("  ↗");
    if (item->text() != label)
        item->setText(label);
    item->setData(PagePathRole, pagePath);
}

QListWidgetItem *DraftsPanel::itemOf(const QString &draftId) const
{
    if (draftId.isEmpty())
        return nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toString() == draftId)
            return m_list->item(i);
    }
    return nullptr;
}

void DraftsPanel::refreshDraft(const QString &draftId)
{
    const std::optional<Draft> d = m_store->draft(draftId);
    QListWidgetItem *item = itemOf(draftId);
    const bool belongs = d && d->trashed == m_trash->isChecked();
    if (!item) {
        if (belongs)
            refresh(); // a new row: the list's order is the store's
        return;
    }
    if (!belongs) {
        refresh();
        return;
    }
    // A title typed meanwhile is newer than what the store holds.
    applyTitle(item, m_typedId == draftId && m_titleTimer.isActive() ? m_typedTitle : d->title,
               d->pagePath);
    item->setToolTip(QLocale().toString(d->modified.toLocalTime(), QLocale::ShortFormat));
}

void DraftsPanel::showTypedTitle(const QString &draftId, const QString &title)
{
    if (m_typedId != draftId && m_titleTimer.isActive())
        applyTypedTitle(); // the other draft's title first
    m_typedId = draftId;
    m_typedTitle = title;
    // Not restarted by each keystroke: while typing goes on the row follows every TitleUpdateMs.
    if (!m_titleTimer.isActive())
        m_titleTimer.start();
}

void DraftsPanel::applyTypedTitle()
{
    m_titleTimer.stop();
    if (QListWidgetItem *item = itemOf(m_typedId))
        applyTitle(item, m_typedTitle, item->data(PagePathRole).toString());
}

void DraftsPanel::refresh()
{
    m_list->clear();
    for (const Draft &d : m_store->drafts(m_trash->isChecked())) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(IdRole, d.id);
        applyTitle(item, d.id == m_typedId && m_titleTimer.isActive() ? m_typedTitle : d.title,
                   d.pagePath);
        item->setToolTip(QLocale().toString(d.modified.toLocalTime(), QLocale::ShortFormat));
        if (d.id == m_current) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
            m_list->setCurrentItem(item);
        }
    }
}

void DraftsPanel::setCurrentDraft(const QString &id)
{
    m_current = id;
    refresh();
}

QString DraftsPanel::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

void DraftsPanel::renameSelected(const QString &title)
{
    const QString id = selectedId();
    if (!id.isEmpty() && m_store->rename(id, title)) {
        refresh();
        Q_EMIT draftRenamed(id, title);
    }
}

void DraftsPanel::duplicateSelected()
{
    const QString id = selectedId();
    const std::optional<Draft> src = m_store->draft(id);
    if (!src)
        return;
    if (const auto copy = m_store->duplicate(id, tr("%1 (copy)").arg(src->title))) {
        refresh();
        Q_EMIT openRequested(copy->id);
    }
}

void DraftsPanel::trashSelected()
{
    const QString id = selectedId();
    if (!id.isEmpty() && m_store->setTrashed(id, true)) {
        refresh();
        Q_EMIT draftRemoved(id);
    }
}

void DraftsPanel::restoreSelected()
{
    const QString id = selectedId();
    if (!id.isEmpty() && m_store->setTrashed(id, false))
        refresh();
}

void DraftsPanel::deleteSelectedForever()
{
    const QString id = selectedId();
    if (!id.isEmpty() && m_store->remove(id)) {
        refresh();
        Q_EMIT draftRemoved(id);
    }
}

void DraftsPanel::showMenu(const QPoint &pos)
{
    if (!m_list->itemAt(pos))
        return;
    QMenu menu(this);
    if (m_trash->isChecked()) {
        menu.addAction(tr("Restore"), this, &DraftsPanel::restoreSelected);
        menu.addAction(tr("Delete forever"), this, &DraftsPanel::deleteSelectedForever);
    } else {
        menu.addAction(tr("Open"), this, [this] { Q_EMIT openRequested(selectedId()); });
        menu.addAction(tr("Rename…"), this, [this] {
            const std::optional<Draft> d = m_store->draft(selectedId());
            bool ok = false;
            const QString title =
                QInputDialog::getText(this, tr("Rename draft"), tr("Title:"), QLineEdit::Normal,
                                      d ? d->title : QString(), &ok);
            if (ok)
                renameSelected(title);
        });
        menu.addAction(tr("Duplicate"), this, &DraftsPanel::duplicateSelected);
        menu.addAction(tr("Move to trash"), this, &DraftsPanel::trashSelected);
    }
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace tg
