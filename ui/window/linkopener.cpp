// SPDX-License-Identifier: MIT
#include "window/linkopener.h"

#include "preview/originmap.h"
#include "window/uilog.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>

namespace tg {

QUrl LinkOpener::mapped(const QUrl &url, const QObject *context)
{
    const OriginMap *map = OriginMap::of(context);
    return map ? map->map(url) : url;
}

bool LinkOpener::open(const QUrl &url, QWidget *context)
{
    const QUrl target = mapped(url, context);
    if (QDesktopServices::openUrl(target))
        return true;
    qCWarning(lcUi) << "no browser could be started for a link of scheme" << target.scheme();
    const QString link = target.toString();
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Cannot Open Link"),
                        tr("No web browser could be started to open this link:\n%1").arg(link),
                        QMessageBox::NoButton, context ? context->window() : nullptr);
    box->setObjectName(failureDialogName());
    box->setInformativeText(tr("Copy the link and open it in a browser yourself."));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *copy = box->addButton(tr("Copy Link"), QMessageBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyLink"));
    box->addButton(QMessageBox::Close);
    box->setDefaultButton(copy);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(copy, &QPushButton::clicked, box,
                     [link] { QApplication::clipboard()->setText(link); });
    box->open();
    return false;
}

} // namespace tg
