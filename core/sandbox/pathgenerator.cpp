// SPDX-License-Identifier: MIT
#include "sandbox/pathgenerator.h"

#include <QHash>

namespace tg::sandbox {

namespace {

const QHash<char16_t, const char *> &cyrillicTable()
{
    // Lower-case letters; upper case is derived. Russian (BGN/PCGN-like, as used in URLs) plus
    // the Ukrainian and Belarusian extra letters.
    static const QHash<char16_t, const char *> table = {
        {u'а', "a"},  {u'б', "b"},  {u'в', "v"},    {u'г', "g"},  {u'д', "d"},  {u'е', "e"},
        {u'ё', "yo"}, {u'ж', "zh"}, {u'з', "z"},    {u'и', "i"},  {u'й', "y"},  {u'к', "k"},
        {u'л', "l"},  {u'м', "m"},  {u'н', "n"},    {u'о', "o"},  {u'п', "p"},  {u'р', "r"},
        {u'с', "s"},  {u'т', "t"},  {u'у', "u"},    {u'ф', "f"},  {u'х', "kh"}, {u'ц', "ts"},
        {u'ч', "ch"}, {u'ш', "sh"}, {u'щ', "shch"}, {u'ъ', ""},   {u'ы', "y"},  {u'ь', ""},
        {u'э', "e"},  {u'ю', "yu"}, {u'я', "ya"},   {u'є', "ye"}, {u'і', "i"},  {u'ї', "yi"},
        {u'ґ', "g"},  {u'ў', "u"},
    };
    return table;
}

} // namespace

QString PathGenerator::transliterate(QChar c)
{
    const QChar lower = c.toLower();
    const auto it = cyrillicTable().constFind(lower.unicode());
    if (it == cyrillicTable().constEnd())
        return {};
    QString latin = QString::fromLatin1(it.value());
    if (lower != c && !latin.isEmpty())
        latin[0] = latin.at(0).toUpper();
    return latin;
}

QString PathGenerator::slug(const QString &title)
{
    QString out;
    int length = 0;
    const QString trimmed = title.trimmed();
    for (auto it = trimmed.cbegin(); it != trimmed.cend() && length < MaxSlugLength; ++it) {
        const QChar c = *it;
        if (c.isHighSurrogate() && it + 1 != trimmed.cend() && (it + 1)->isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, *(it + 1));
            if (QChar::isLetterOrNumber(ucs4)) {
                out += c;
                out += *(it + 1);
                ++length;
            }
            ++it;
            continue;
        }
        if (c.isSpace() || c == u'-') {
            out += u'-';
            ++length;
            continue;
        }
        const QString latin = transliterate(c);
        if (!latin.isNull()) {
            out += latin;
            length += int(latin.size());
            continue;
        }
        if (c.isLetterOrNumber() || c.isMark()) {
            if (!c.isMark() || !out.isEmpty()) {
                out += c;
                ++length;
            }
        }
    }
    return out;
}

QString PathGenerator::basePath(const QString &title, const QDate &date)
{
    const QString s = slug(title);
    const QString mmdd = date.toString(QStringLiteral("MM-dd"));
    return s.isEmpty() ? mmdd : s + u'-' + mmdd;
}

} // namespace tg::sandbox
