// SPDX-License-Identifier: MIT
#include "window/draftsourcefiles.h"

#include <QSettings>

namespace tg {

namespace {
QString key(const QString &id)
{
    return QStringLiteral("drafts/sourceFiles/") + id;
}
} // namespace

DraftSourceFiles::DraftSourceFiles(QSettings *settings)
    : m_settings(settings)
{}

QString DraftSourceFiles::path(const QString &id) const
{
    return id.isEmpty() ? QString() : m_settings->value(key(id)).toString();
}

void DraftSourceFiles::set(const QString &id, const QString &path)
{
    m_settings->setValue(key(id), path);
}

void DraftSourceFiles::remove(const QString &id)
{
    m_settings->remove(key(id));
}

} // namespace tg
