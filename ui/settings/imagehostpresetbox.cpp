// SPDX-License-Identifier: MIT
#include "settings/imagehostpresetbox.h"

#include "api/imagehostpresets.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>

namespace tg {

ImageHostPresetBox::ImageHostPresetBox(QLineEdit *url, QLineEdit *field, QPlainTextEdit *headers,
                                       QPlainTextEdit *form, QLineEdit *urlPath, QLabel *note,
                                       QWidget *parent)
    : QComboBox(parent)
    , m_url(url)
    , m_field(field)
    , m_headers(headers)
    , m_form(form)
    , m_urlPath(urlPath)
    , m_note(note)
{
    addItem(tr("Custom"), QString());
    for (const ImageHostPreset &p : imageHostPresets())
        addItem(p.name, p.id);
    setAccessibleName(tr("Image host preset"));
    connect(this, &QComboBox::activated, this, &ImageHostPresetBox::apply);
    connect(m_url, &QLineEdit::textEdited, this, &ImageHostPresetBox::syncWithFields);
    connect(m_field, &QLineEdit::textEdited, this, &ImageHostPresetBox::syncWithFields);
    syncWithFields();
}

QString ImageHostPresetBox::presetId() const
{
    return currentData().toString();
}

void ImageHostPresetBox::syncWithFields()
{
    ImageHostConfig c;
    c.kind = ImageHostConfig::Kind::Http;
    c.httpUrl = QUrl(m_url->text().trimmed());
    c.httpField = m_field->text().trimmed();
    const QString id = imageHostPresetFor(c);
    const QSignalBlocker block(this);
    setCurrentIndex(qMax(0, findData(id)));
    const ImageHostPreset *p = findImageHostPreset(id);
    m_note->setText(p ? p->description : QString());
    m_note->setVisible(p);
}

void ImageHostPresetBox::apply(int index)
{
    const ImageHostPreset *p = findImageHostPreset(itemData(index).toString());
    if (!p) {
        syncWithFields();
        return;
    }
    ImageHostConfig c;
    c.httpFormFields = m_form->toPlainText().split(QLatin1Char('\n'));
    c = p->applyTo(c);
    m_url->setText(c.httpUrl.toString());
    m_field->setText(c.httpField);
    m_headers->setPlainText(c.httpHeaders.join(QLatin1Char('\n')));
    m_form->setPlainText(c.httpFormFields.join(QLatin1Char('\n')));
    m_urlPath->setText(c.httpUrlPath);
    m_note->setText(p->description);
    m_note->setVisible(true);
}

} // namespace tg
