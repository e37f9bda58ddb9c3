// SPDX-License-Identifier: MIT
#include "settings/settingschange.h"

#include "settings/settingsdialog.h"
#include "workflow/appsettings.h"

#include <QSettings>

namespace tg {

SettingsChange SettingsChange::save(const SettingsDialog &dialog, QSettings &settings,
                                    bool systemDark)
{
    const ServerChoice before = ServerChoice::load(settings);
    dialog.save(settings);
    const ServerChoice after = ServerChoice::load(settings);
    SettingsChange change;
    change.editor = EditorSettings::load(settings);
    // Until a preview theme is chosen, the preview follows the system's look.
    change.previewDark = settings.contains(QStringLiteral("preview/dark"))
                             ? PreviewSettings::load(settings).dark
                             : systemDark;
    change.serverChanged = after.server != before.server || after.customUrl != before.customUrl ||
                           after.proxy != before.proxy;
    change.languageChanged = dialog.languageChanged();
    return change;
}

QString SettingsChange::message() const
{
    if (serverChanged && languageChanged)
        return tr("Settings saved. The new server and language apply after a restart.");
    if (serverChanged)
        return tr("Settings saved. The new server applies after a restart.");
    if (languageChanged)
        return tr("Settings saved. The new language applies after a restart.");
    return tr("Settings saved.");
}

} // namespace tg
