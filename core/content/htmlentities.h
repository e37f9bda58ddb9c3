// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace tg::html {

/// Appends the expansion of one HTML5 named character reference to out. `name` is the reference
/// without its '&', with its ';' if it has one ("amp;", or a legacy form such as "amp" or "copy").
/// Returns false, appending nothing, when the name is not in the HTML5 table.
bool appendNamedReference(QStringView name, QString &out);

/// Appends `in` to `out` with character references decoded exactly as the HTML5 rules that
/// Python's html.unescape follows: the full named table, legacy names without ';' (also as a
/// prefix: "&ampx" is "&x"), numeric references with the Windows-1252 fix-ups, U+FFFD for
/// surrogates and out-of-range values, and unknown references left as they are.
void appendUnescaped(QStringView in, QString &out);

/// `in` with its character references decoded (see appendUnescaped).
QString unescape(QStringView in);

/// appendUnescaped() on UTF-8: appends valid UTF-8 `in` to `out` with its character references
/// decoded by exactly the same rules.
void appendUnescapedUtf8(QByteArrayView in, QByteArray &out);

} // namespace tg::html
