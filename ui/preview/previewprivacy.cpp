// SPDX-License-Identifier: MIT
#include "preview/previewprivacy.h"

#include "preview/previewpane.h"
#include "storage/draftstore.h"
#include "window/uilog.h"

#include <QAction>
#include <QKeySequence>
#include <QSignalBlocker>

namespace tg {

PreviewPrivacy::PreviewPrivacy(DraftStore *store, PreviewPane *view, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_view(view)
    , m_action(new QAction(tr("Load &Remote Images in Preview"), this))
{
    m_action->setObjectName(QStringLiteral("loadRemoteImagesAction"));
    m_action->setCheckable(true);
    m_action->setChecked(true);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));
    m_action->setStatusTip(tr("Whether this draft's preview fetches images from the web while "
                              "you write; the choice is kept with the draft."));
    connect(m_action, &QAction::toggled, this, &PreviewPrivacy::setRemoteImagesAllowed);
}

QString PreviewPrivacy::optionKey()
{
    return QStringLiteral("blockRemoteImages");
}

void PreviewPrivacy::setDraft(const QString &id)
{
    m_draftId = id;
    const bool blocked =
        m_store && !id.isEmpty() && m_store->option(id, optionKey()) == QLatin1String("1");
    {
        const QSignalBlocker block(m_action);
        m_action->setChecked(!blocked);
    }
    if (m_view)
        m_view->setRemoteImagesBlocked(blocked, false); // the new draft's article follows
}

void PreviewPrivacy::setRemoteImagesAllowed(bool allowed)
{
    {
        const QSignalBlocker block(m_action);
        m_action->setChecked(allowed);
    }
    if (m_view)
        m_view->setRemoteImagesBlocked(!allowed);
    if (m_store && !m_draftId.isEmpty() &&
        !m_store->setOption(m_draftId, optionKey(), allowed ? QString() : QStringLiteral("1")))
        qCWarning(lcUi) << "the remote-image choice of draft" << m_draftId << "could not be saved";
}

} // namespace tg
