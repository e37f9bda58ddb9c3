// SPDX-License-Identifier: MIT
#include "window/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace tg {

namespace {
const QString Key = QStringLiteral("recent/files");
}

RecentFiles::RecentFiles(QSettings *settings)
    : m_settings(settings)
{}

QStringList RecentFiles::files() const
{
    return m_settings->value(Key).toStringList().mid(0, maxFiles());
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, maxFiles()));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    list.removeAll(path);
    store(list);
}

void RecentFiles::clear()
{
    m_settings->remove(Key);
}

void RecentFiles::store(const QStringList &list)
{
    if (list.isEmpty())
        m_settings->remove(Key);
    else
        m_settings->setValue(Key, list);
}

} // namespace tg
