// SPDX-License-Identifier: MIT
#pragma once

#include <QComboBox>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace tg {

/// The "Preset:" combo of Settings → Images: choosing catbox.moe, ImgBB or 0x0.st fills the HTTP
/// host's fields (which stay editable); editing them so they no longer match shows "Custom".
/// A note under it says what the chosen preset needs (a key, a user hash).
class ImageHostPresetBox : public QComboBox
{
    Q_OBJECT
public:
    /// The edits are the HTTP host page's (not owned); `note` shows the preset's description.
    ImageHostPresetBox(QLineEdit *url, QLineEdit *field, QPlainTextEdit *headers,
                       QPlainTextEdit *form, QLineEdit *urlPath, QLabel *note,
                       QWidget *parent = nullptr);

    /// The id of the preset shown ("catbox"), empty for Custom.
    QString presetId() const;
    /// Shows the preset the fields follow now (or Custom), without changing them.
    void syncWithFields();

private:
    void apply(int index);

    QLineEdit *m_url;
    QLineEdit *m_field;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_form;
    QLineEdit *m_urlPath;
    QLabel *m_note;
};

} // namespace tg
