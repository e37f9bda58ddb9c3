// SPDX-License-Identifier: MIT
#include "pages/csvexport.h"

namespace tg::csv {

QString field(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar c = v.at(0);
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
            c == QLatin1Char('@'))
            v.prepend(QLatin1Char('\''));
    }
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
                       v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')) ||
                       (!v.isEmpty() && (v.front().isSpace() || v.back().isSpace()));
    if (!quote)
        return v;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QString record(const QStringList &fields)
{
    QString out;
    for (int i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += field(fields.at(i));
    }
    out += QLatin1String("\r\n");
    return out;
}

QByteArray viewSeries(const ViewSeries &series)
{
    QString out =
        record({QStringLiteral("bucket"), QStringLiteral("start_utc"), QStringLiteral("views")});
    for (int i = 0; i < series.buckets.size(); ++i) {
        const ViewBucket &b = series.buckets.at(i);
        const qint64 v = i < series.views.size() ? series.views.at(i) : -1;
        out += record(
            {b.key(), b.start.toString(Qt::ISODate), v >= 0 ? QString::number(v) : QString()});
    }
    out += record({QStringLiteral("total"), QString(),
                   series.total >= 0 ? QString::number(series.total) : QString()});
    return out.toUtf8();
}

QByteArray pages(const QList<Page> &pages)
{
    QString out = record({QStringLiteral("title"), QStringLiteral("path"), QStringLiteral("url"),
                          QStringLiteral("views"), QStringLiteral("description")});
    for (const Page &p : pages)
        out += record({p.title, p.path, p.url, QString::number(p.views), p.description});
    return out.toUtf8();
}

QList<QStringList> parse(const QString &text)
{
    QList<QStringList> records;
    QStringList current;
    QString fieldText;
    bool inQuotes = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    fieldText += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                fieldText += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            inQuotes = true;
            any = true;
        } else if (c == QLatin1Char(',')) {
            current.append(fieldText);
            fieldText.clear();
            any = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            current.append(fieldText);
            records.append(current);
            current.clear();
            fieldText.clear();
            any = false;
        } else {
            fieldText += c;
            any = true;
        }
    }
    if (any || !fieldText.isEmpty()) {
        current.append(fieldText);
        records.append(current);
    }
    return records;
}

} // namespace tg::csv
