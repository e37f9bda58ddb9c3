// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QString>

namespace tg::sandbox {

/// Telegraph's page path rules: `<Slug>-<MM>-<DD>` from the title and the creation date.
/// Spaces become '-', '-' stays, other punctuation is dropped, letters (CJK included) and digits
/// are kept, Cyrillic is transliterated (`Путешествие по Намиби` → `Puteshestvie-po-Namibi`).
class PathGenerator
{
public:
    /// The slug of a title, at most MaxSlugLength code points.
    static QString slug(const QString &title);
    /// `<slug>-<MM>-<DD>` (just `<MM>-<DD>` when the slug is empty), before collision suffixes.
    static QString basePath(const QString &title, const QDate &date);
    /// The Latin spelling of one Cyrillic letter (Russian and Ukrainian), keeping its case;
    /// a null string when the character is not Cyrillic.
    static QString transliterate(QChar c);

    static constexpr int MaxSlugLength = 100;
};

} // namespace tg::sandbox
