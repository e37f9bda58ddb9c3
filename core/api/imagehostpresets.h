// SPDX-License-Identifier: MIT
#pragma once

#include "api/imagehostconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tg {

/// A ready-made setting of the HTTP multipart host for a public image host people use since
/// telegra.ph stopped taking uploads: where to POST, the file field, the extra form fields and
/// where the URL is in the answer. Applying one fills an ImageHostConfig the user can still
/// edit; a credential field (ImgBB's key, catbox's userhash) goes to the secret store like any
/// other host secret when the settings are saved.
struct ImageHostPreset
{
    Q_DECLARE_TR_FUNCTIONS(tg::ImageHostPreset)

public:
    QString id;                 ///< stable identifier ("catbox", "imgbb", "0x0")
    QString name;               ///< what the Preset combo shows ("catbox.moe")
    QString description;        ///< one translated sentence: what it needs, what it gives
    QUrl url;                   ///< where the form is POSTed
    QString fileField;          ///< the file part's name
    QStringList formFields;     ///< "name=value" lines; an empty value is for the user to fill in
    QString urlPath;            ///< where the URL is in the JSON answer; empty for a plain-text URL
    QStringList requiredFields; ///< form fields that must have a value ("key")

    /// `config` switched to the HTTP host with this preset's URL, file field, form fields and
    /// URL path (headers cleared). Values the user already gave for the preset's form fields
    /// (a stored key) are kept.
    ImageHostConfig applyTo(ImageHostConfig config) const;
    /// Empty when `config` has every required field, else a sentence naming the first missing
    /// one and where to get it.
    QString missingValue(const ImageHostConfig &config) const;
};

/// The presets, in the order the Preset combo shows them.
QList<ImageHostPreset> imageHostPresets();
/// The preset with that id; null when none.
const ImageHostPreset *findImageHostPreset(const QString &id);
/// The id of the preset `config` follows (HTTP host, same URL and file field); empty for none.
QString imageHostPresetFor(const ImageHostConfig &config);

} // namespace tg
