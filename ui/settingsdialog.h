// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QFontComboBox;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace tg {

/// Settings: server (telegra.ph, graph.org, te.legra.ph, a custom URL or the local sandbox),
/// proxy, default author, editor font, preview theme and autosave interval.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const QSettings &settings, QWidget *parent = nullptr);
    /// Writes the dialog's values into the settings.
    void save(QSettings &settings) const;

private:
    QComboBox *m_server = nullptr;
    QLineEdit *m_customUrl = nullptr;
    QLineEdit *m_proxy = nullptr;
    QLineEdit *m_authorName = nullptr;
    QLineEdit *m_authorUrl = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_autosave = nullptr;
};

} // namespace tg
