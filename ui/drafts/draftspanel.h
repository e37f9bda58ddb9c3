// SPDX-License-Identifier: MIT
#pragma once

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QListWidget;
class QListWidgetItem;

namespace tg {

class DraftStore;

/// The list of drafts (or of the trash): open, rename, duplicate, delete to the trash, restore
/// from it, delete for good. Lives in a dock of the main window.
class DraftsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DraftsPanel(DraftStore *store, QWidget *parent = nullptr);

    /// Reloads the list from the store, marking the open draft.
    void refresh();
    void setCurrentDraft(const QString &id);
    QListWidget *list() const { return m_list; }
    /// The row of a draft; null when it is not listed.
    QListWidgetItem *itemOf(const QString &draftId) const;
    /// Re-reads one draft from the store and updates its row in place (selection and the other
    /// rows untouched); a draft not listed yet is added by a refresh().
    void refreshDraft(const QString &draftId);
    /// The title being typed for a draft: its row follows it, coalesced to one update per
    /// TitleUpdateMs (in place, no reload of the list).
    void showTypedTitle(const QString &draftId, const QString &title);
    /// Longest time the row of the open draft lags behind its typed title.
    static constexpr int TitleUpdateMs = 250;

    void renameSelected(const QString &title);
    void duplicateSelected();
    void trashSelected();
    void restoreSelected();
    void deleteSelectedForever();

Q_SIGNALS:
    /// The writer wants this draft in the editor.
    void openRequested(const QString &draftId);
    /// A draft was renamed in the list; the editor showing it must take the new title.
    void draftRenamed(const QString &draftId, const QString &title);
    /// A draft left the list of live drafts (trashed or deleted).
    void draftRemoved(const QString &draftId);

private:
    QString selectedId() const;
    void applyTitle(QListWidgetItem *item, const QString &title, const QString &pagePath);
    void applyTypedTitle();
    void showMenu(const QPoint &pos);

    DraftStore *m_store;
    QListWidget *m_list = nullptr;
    QCheckBox *m_trash = nullptr;
    QString m_current;
    QTimer m_titleTimer;
    QString m_typedId;
    QString m_typedTitle;
};

} // namespace tg
