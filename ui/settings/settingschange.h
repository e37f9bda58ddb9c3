// SPDX-License-Identifier: MIT
#pragma once

#include "settings/uisettings.h"

#include <QCoreApplication>
#include <QString>

class QSettings;

namespace tg {

class SettingsDialog;

/// What accepting the settings dialog changed: the preferences the window applies at once
/// (editor font and autosave, preview theme) and those that wait for a restart (server,
/// language), with the status line that says so.
class SettingsChange
{
    Q_DECLARE_TR_FUNCTIONS(tg::SettingsChange)
public:
    /// Saves the accepted dialog into `settings` and reports what changed. `systemDark` is the
    /// system's look, which the preview follows while no theme was chosen.
    static SettingsChange save(const SettingsDialog &dialog, QSettings &settings, bool systemDark);

    EditorSettings editor;
    bool previewDark = false;
    bool serverChanged = false;
    bool languageChanged = false;

    /// "Settings saved.", naming what applies after a restart.
    QString message() const;
};

} // namespace tg
