// SPDX-License-Identifier: MIT
#include "settings/uisettings.h"

#include <QFontDatabase>
#include <QSettings>

namespace tg {

EditorSettings EditorSettings::load(const QSettings &s)
{
    EditorSettings e;
    e.font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QString font = s.value(QStringLiteral("editor/font")).toString();
    if (!font.isEmpty())
        e.font.fromString(font);
    e.autosaveMs = qBound(200, s.value(QStringLiteral("editor/autosaveMs"), 1000).toInt(), 2000);
    e.newDraftFormat =
        s.value(QStringLiteral("editor/newDraftFormat")).toString() == QLatin1String("html")
            ? DraftFormat::Html
            : DraftFormat::Markdown;
    return e;
}

void EditorSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("editor/font"), font.toString());
    s.setValue(QStringLiteral("editor/autosaveMs"), autosaveMs);
    s.setValue(QStringLiteral("editor/newDraftFormat"), newDraftFormat == DraftFormat::Html
                                                            ? QStringLiteral("html")
                                                            : QStringLiteral("markdown"));
}

PreviewSettings PreviewSettings::load(const QSettings &s)
{
    PreviewSettings p;
    p.dark = s.value(QStringLiteral("preview/dark"), false).toBool();
    p.visible = s.value(QStringLiteral("preview/visible"), true).toBool();
    return p;
}

void PreviewSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("preview/dark"), dark);
    s.setValue(QStringLiteral("preview/visible"), visible);
}

PublishNoteSettings PublishNoteSettings::load(const QSettings &s)
{
    PublishNoteSettings n;
    n.instantViewNote = s.value(QStringLiteral("notes/instantView"), true).toBool();
    return n;
}

void PublishNoteSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("notes/instantView"), instantViewNote);
}

} // namespace tg
