// SPDX-License-Identifier: MIT
// The telegraph-preview module: the preview's QtWebEngine view, loaded by PreviewPane after the
// window's first paint (see PreviewEngine).
#include "preview/engine/previewlog.h"
#include "preview/engine/previewview.h"

namespace tg {

Q_LOGGING_CATEGORY(lcPreview, "tg.ui.preview", QtWarningMsg)

} // namespace tg

extern "C" Q_DECL_EXPORT tg::PreviewEngine *tg_create_preview_engine(QWidget *parent,
                                                                     int interfaceVersion)
{
    if (interfaceVersion != tg::PreviewEngine::InterfaceVersion) {
        qCWarning(tg::lcPreview) << "the preview module implements interface version"
                                 << tg::PreviewEngine::InterfaceVersion << "but" << interfaceVersion
                                 << "was asked for";
        return nullptr;
    }
    return new tg::PreviewView(parent);
}
