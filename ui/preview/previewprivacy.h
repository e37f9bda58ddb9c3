// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;

namespace tg {

class DraftStore;
class PreviewPane;

/// The per-draft choice of loading remote images in the live preview. View → "Load Remote
/// Images in Preview" (Ctrl+Alt+I) turns it off for the open draft: its preview then requests
/// nothing from the network and shows a box naming each image. The choice is kept with the
/// draft (draft option "blockRemoteImages") and applied whenever a draft is opened.
class PreviewPrivacy : public QObject
{
    Q_OBJECT
public:
    /// Reads and writes `store`'s draft options and drives `view` (neither owned).
    PreviewPrivacy(DraftStore *store, PreviewPane *view, QObject *parent = nullptr);

    /// The draft option's key; "1" means remote images stay out of the preview.
    static QString optionKey();

    /// The checkable action (checked = remote images load), for the View menu.
    QAction *action() const { return m_action; }
    /// Applies draft `id`'s own choice to the preview and the action.
    void setDraft(const QString &id);
    /// Turns remote images on or off for the open draft and remembers it with the draft.
    void setRemoteImagesAllowed(bool allowed);

private:
    QPointer<DraftStore> m_store;
    QPointer<PreviewPane> m_view;
    QAction *m_action;
    QString m_draftId;
};

} // namespace tg
