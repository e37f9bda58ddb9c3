// SPDX-License-Identifier: MIT
#include "api/apitypes.h"

#include "api/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace tg {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

/// Reads an optional string field; false when present with another type.
bool readString(const QJsonObject &o, const char *key, QString &out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return fail(error, QStringLiteral("field '%1' is not a string").arg(QLatin1String(key)));
    out = v.toString();
    return true;
}

bool readInt(const QJsonObject &o, const char *key, qint64 &out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble())
        return fail(error, QStringLiteral("field '%1' is not a number").arg(QLatin1String(key)));
    out = v.toInteger();
    return true;
}

std::optional<QJsonObject> parseObject(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(error, QStringLiteral("the result is not a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<Page> pageFromObject(const QJsonObject &o, const QByteArray &raw, QString *error)
{
    Page p;
    if (!o.value(QLatin1String("path")).isString()) {
        fail(error, QStringLiteral("the page has no path"));
        return std::nullopt;
    }
    if (!readString(o, "path", p.path, error) || !readString(o, "url", p.url, error) ||
        !readString(o, "title", p.title, error) ||
        !readString(o, "description", p.description, error) ||
        !readString(o, "author_name", p.authorName, error) ||
        !readString(o, "author_url", p.authorUrl, error) ||
        !readString(o, "image_url", p.imageUrl, error) || !readInt(o, "views", p.views, error))
        return std::nullopt;
    const QJsonValue canEdit = o.value(QLatin1String("can_edit"));
    if (canEdit.isBool())
        p.canEdit = canEdit.toBool();
    if (o.contains(QLatin1String("content"))) {
        const QByteArray rawContent = jsonscan::member(raw, "content");
        if (!rawContent.isNull()) {
            NodeParseResult r = nodesFromJson(rawContent);
            if (!r.ok()) {
                fail(error, QStringLiteral("invalid page content: ") + r.error);
                return std::nullopt;
            }
            p.content = std::move(r.nodes);
            p.hasContent = true;
        }
    }
    return p;
}

} // namespace

std::optional<Account> Account::fromJsonObject(const QJsonObject &o, QString *error)
{
    Account a;
    if (!readString(o, "short_name", a.shortName, error) ||
        !readString(o, "author_name", a.authorName, error) ||
        !readString(o, "author_url", a.authorUrl, error) ||
        !readString(o, "access_token", a.accessToken, error) ||
        !readString(o, "auth_url", a.authUrl, error) ||
        !readInt(o, "page_count", a.pageCount, error))
        return std::nullopt;
    return a;
}

std::optional<Account> Account::fromJson(const QByteArray &json, QString *error)
{
    const auto o = parseObject(json, error);
    if (!o)
        return std::nullopt;
    return fromJsonObject(*o, error);
}

std::optional<Page> Page::fromJson(const QByteArray &json, QString *error)
{
    const auto o = parseObject(json, error);
    if (!o)
        return std::nullopt;
    return pageFromObject(*o, json, error);
}

std::optional<PageList> PageList::fromJson(const QByteArray &json, QString *error)
{
    const auto o = parseObject(json, error);
    if (!o)
        return std::nullopt;
    PageList list;
    if (!o->value(QLatin1String("total_count")).isDouble()) {
        fail(error, QStringLiteral("the page list has no total_count"));
        return std::nullopt;
    }
    list.totalCount = o->value(QLatin1String("total_count")).toInteger();
    const QJsonValue pages = o->value(QLatin1String("pages"));
    if (pages.isUndefined() || pages.isNull())
        return list;
    if (!pages.isArray()) {
        fail(error, QStringLiteral("field 'pages' is not an array"));
        return std::nullopt;
    }
    const QJsonArray arr = pages.toArray();
    const bool anyContent = std::any_of(arr.begin(), arr.end(), [](const QJsonValue &v) {
        return v.toObject().contains(QLatin1String("content"));
    });
    const QList<QByteArray> raws =
        anyContent ? jsonscan::elements(jsonscan::member(json, "pages")) : QList<QByteArray>();
    list.pages.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isObject()) {
            fail(error, QStringLiteral("a page in the list is not an object"));
            return std::nullopt;
        }
        auto p = pageFromObject(arr.at(i).toObject(), raws.value(i), error);
        if (!p)
            return std::nullopt;
        list.pages.append(std::move(*p));
    }
    return list;
}

std::optional<PageViews> PageViews::fromJson(const QByteArray &json, QString *error)
{
    const auto o = parseObject(json, error);
    if (!o)
        return std::nullopt;
    if (!o->value(QLatin1String("views")).isDouble()) {
        fail(error, QStringLiteral("the answer has no view count"));
        return std::nullopt;
    }
    PageViews v;
    v.views = o->value(QLatin1String("views")).toInteger();
    return v;
}

} // namespace tg
