// SPDX-License-Identifier: MIT
#include "sandbox/api.h"

#include "content/node.h"
#include "content/validation.h"
#include "sandbox/jsonbuilder.h"
#include "sandbox/pathgenerator.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace tg::sandbox {

namespace {

constexpr int ShortNameMax = 32;
constexpr int AuthorNameMax = int(MaxAuthorNameLength);
constexpr int AuthorUrlMax = int(MaxAuthorUrlLength);
constexpr int TitleMax = int(MaxTitleLength);
constexpr int DescriptionMax = 150;
constexpr int PageListLimitMax = 200;
constexpr qint64 AuthUrlLifetimeMs = 5 * 60 * 1000;

const char *const MethodNames[] = {"createAccount",     "editAccountInfo", "getAccountInfo",
                                   "revokeAccessToken", "createPage",      "editPage",
                                   "getPage",           "getPageList",     "getViews"};

QString randomToken()
{
    static const char hex[] = "0123456789abcdef";
    QString token;
    token.reserve(60);
    for (int i = 0; i < 60; ++i)
        token += QLatin1Char(hex[QRandomGenerator::system()->bounded(16)]);
    return token;
}

QString randomAlnum(int length)
{
    static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i)
        s += QLatin1Char(chars[QRandomGenerator::system()->bounded(62)]);
    return s;
}

bool validAuthorUrl(const QString &s)
{
    const QUrl url(s, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

/// The start of the page's text, as Telegraph shows it under the title in link previews.
QString describe(const NodeList &nodes)
{
    QStringList blocks;
    for (const Node &n : nodes)
        blocks.append(n.plainText());
    const QString text = blocks.join(u' ').simplified();
    if (codePointCount(text) <= DescriptionMax)
        return text;
    QString cut;
    int count = 0;
    for (auto it = text.cbegin(); it != text.cend() && count < DescriptionMax; ++it) {
        cut += *it;
        if (!it->isHighSurrogate())
            ++count;
    }
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space > DescriptionMax / 2)
        cut.truncate(space);
    return cut + u'…';
}

QString firstImage(const NodeList &nodes)
{
    QList<const NodeList *> stack{&nodes};
    QList<qsizetype> index{0};
    while (!stack.isEmpty()) {
        const NodeList *list = stack.last();
        qsizetype &i = index.last();
        if (i >= list->size()) {
            stack.removeLast();
            index.removeLast();
            continue;
        }
        const Node &n = list->at(i++);
        if (n.isElement()) {
            if (n.tag() == u"img" && !n.attr(u"src").isEmpty())
                return n.attr(u"src");
            if (!n.children().isEmpty()) {
                stack.append(&n.children());
                index.append(0);
            }
        }
    }
    return {};
}

} // namespace

Api::Api(Store *store, FloodControl *flood, QRandomGenerator *random,
         std::function<QDateTime()> clock)
    : m_store(store)
    , m_flood(flood)
    , m_random(random)
    , m_clock(std::move(clock))
{}

bool Api::isMethod(const QString &name, QString *canonical)
{
    for (const char *m : MethodNames) {
        if (name.compare(QLatin1String(m), Qt::CaseInsensitive) == 0) {
            if (canonical)
                *canonical = QLatin1String(m);
            return true;
        }
    }
    return false;
}

QByteArray Api::call(const QString &method, const ApiParams &params)
{
    QString m;
    if (!isMethod(method, &m))
        return JsonBuilder::error(QStringLiteral("UNKNOWN_METHOD"));
    if (m == u"createAccount")
        return createAccount(params);
    if (m == u"editAccountInfo")
        return editAccountInfo(params);
    if (m == u"getAccountInfo")
        return getAccountInfo(params);
    if (m == u"revokeAccessToken")
        return revokeAccessToken(params);
    if (m == u"createPage")
        return createPage(params);
    if (m == u"editPage")
        return editPage(params);
    if (m == u"getPage")
        return getPage(params);
    if (m == u"getPageList")
        return getPageList(params);
    return getViews(params);
}

QString Api::pageUrl(const QString &path) const
{
    QString base = m_publicUrl.toString(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(path));
}

QString Api::authBase() const
{
    QUrl url = m_publicUrl;
    const QString host = url.host();
    const bool isAddress =
        !QHostAddress(host).isNull() || host == u"localhost" || !host.contains(u'.');
    if (!isAddress && !host.startsWith(u"edit."))
        url.setHost(u"edit." + host);
    url.setPath({});
    QString s = url.toString(QUrl::FullyEncoded);
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

std::optional<StoredAccount> Api::account(const ApiParams &p)
{
    const QString token = p.text(QStringLiteral("access_token")).trimmed();
    if (token.isEmpty())
        return std::nullopt;
    return m_store->accountByToken(token);
}

QString Api::checkAuthor(const ApiParams &p) const
{
    const QString name = p.text(QStringLiteral("author_name"));
    if (codePointCount(name) > AuthorNameMax)
        return QStringLiteral("AUTHOR_NAME_TOO_LONG");
    const QString url = p.text(QStringLiteral("author_url"));
    if (codePointCount(url) > AuthorUrlMax)
        return QStringLiteral("AUTHOR_URL_TOO_LONG");
    if (!url.isEmpty() && !validAuthorUrl(url))
        return QStringLiteral("AUTHOR_URL_INVALID");
    return {};
}

QString Api::flood(qint64 accountId)
{
    const int wait = m_flood->trySpend(accountId, now().toMSecsSinceEpoch());
    return wait > 0 ? QStringLiteral("FLOOD_WAIT_%1").arg(wait) : QString();
}

QString Api::newAuthUrl(qint64 accountId)
{
    const QString code = randomAlnum(42);
    m_store->insertAuthCode(code, accountId, now().toMSecsSinceEpoch() + AuthUrlLifetimeMs);
    return authBase() + QStringLiteral("/auth/") + code;
}

QByteArray Api::createAccount(const ApiParams &p)
{
    const QString shortName = p.text(QStringLiteral("short_name")).trimmed();
    if (shortName.isEmpty())
        return JsonBuilder::error(QStringLiteral("SHORT_NAME_REQUIRED"));
    if (codePointCount(shortName) > ShortNameMax)
        return JsonBuilder::error(QStringLiteral("SHORT_NAME_TOO_LONG"));
    const QString authorError = checkAuthor(p);
    if (!authorError.isEmpty())
        return JsonBuilder::error(authorError);
    StoredAccount a;
    a.token = randomToken();
    a.shortName = shortName;
    a.authorName = p.text(QStringLiteral("author_name"));
    a.authorUrl = p.text(QStringLiteral("author_url"));
    if (!m_store->insertAccount(&a))
        return JsonBuilder::error(QStringLiteral("INTERNAL_ERROR"));
    return JsonBuilder::ok(JsonBuilder()
                               .add("short_name", a.shortName)
                               .add("author_name", a.authorName)
                               .add("author_url", a.authorUrl)
                               .add("access_token", a.token)
                               .add("auth_url", newAuthUrl(a.id))
                               .add("page_count", 0)
                               .toJson());
}

QByteArray Api::editAccountInfo(const ApiParams &p)
{
    std::optional<StoredAccount> a = account(p);
    if (!a)
        return JsonBuilder::error(QStringLiteral("ACCESS_TOKEN_INVALID"));
    if (p.has(QStringLiteral("short_name"))) {
        const QString shortName = p.text(QStringLiteral("short_name")).trimmed();
        if (shortName.isEmpty())
            return JsonBuilder::error(QStringLiteral("SHORT_NAME_REQUIRED"));
        if (codePointCount(shortName) > ShortNameMax)
            return JsonBuilder::error(QStringLiteral("SHORT_NAME_TOO_LONG"));
        a->shortName = shortName;
    }
    const QString authorError = checkAuthor(p);
    if (!authorError.isEmpty())
        return JsonBuilder::error(authorError);
    if (p.has(QStringLiteral("author_name")))
        a->authorName = p.text(QStringLiteral("author_name"));
    if (p.has(QStringLiteral("author_url")))
        a->authorUrl = p.text(QStringLiteral("author_url"));
    const QString wait = flood(a->id);
    if (!wait.isEmpty())
        return JsonBuilder::error(wait);
    if (!m_store->updateAccount(*a))
        return JsonBuilder::error(QStringLiteral("INTERNAL_ERROR"));
    return JsonBuilder::ok(JsonBuilder()
                               .add("short_name", a->shortName)
                               .add("author_name", a->authorName)
                               .add("author_url", a->authorUrl)
                               .toJson());
}

QByteArray Api::getAccountInfo(const ApiParams &p)
{
    const std::optional<StoredAccount> a = account(p);
    if (!a)
        return JsonBuilder::error(QStringLiteral("ACCESS_TOKEN_INVALID"));
    static const QStringList known = {QStringLiteral("short_name"), QStringLiteral("author_name"),
                                      QStringLiteral("author_url"), QStringLiteral("auth_url"),
                                      QStringLiteral("page_count")};
    QStringList fields = known.mid(0, 3);
    if (p.has(QStringLiteral("fields"))) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(p.json(QStringLiteral("fields")), &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            return JsonBuilder::error(QStringLiteral("FIELDS_FORMAT_INVALID"));
        fields.clear();
        for (const QJsonValue &v : doc.array()) {
            if (!v.isString() || !known.contains(v.toString()))
                return JsonBuilder::error(QStringLiteral("FIELDS_FORMAT_INVALID"));
            fields.append(v.toString());
        }
    }
    JsonBuilder result;
    for (const QString &field : known) {
        if (!fields.contains(field))
            continue;
        if (field == u"short_name")
            result.add("short_name", a->shortName);
        else if (field == u"author_name")
            result.add("author_name", a->authorName);
        else if (field == u"author_url")
            result.add("author_url", a->authorUrl);
        else if (field == u"auth_url")
            result.add("auth_url", newAuthUrl(a->id));
        else
            result.add("page_count", m_store->pageCount(a->id));
    }
    return JsonBuilder::ok(result.toJson());
}

QByteArray Api::revokeAccessToken(const ApiParams &p)
{
    std::optional<StoredAccount> a = account(p);
    if (!a)
        return JsonBuilder::error(QStringLiteral("ACCESS_TOKEN_INVALID"));
    const QString wait = flood(a->id);
    if (!wait.isEmpty())
        return JsonBuilder::error(wait);
    a->token = randomToken();
    if (!m_store->updateAccount(*a))
        return JsonBuilder::error(QStringLiteral("INTERNAL_ERROR"));
    return JsonBuilder::ok(
        JsonBuilder().add("access_token", a->token).add("auth_url", newAuthUrl(a->id)).toJson());
}

QString Api::readPage(const ApiParams &p, StoredPage *page) const
{
    const QString title = p.text(QStringLiteral("title")).trimmed();
    if (title.isEmpty())
        return QStringLiteral("TITLE_REQUIRED");
    if (codePointCount(title) > TitleMax)
        return QStringLiteral("TITLE_TOO_LONG");
    const QString authorError = checkAuthor(p);
    if (!authorError.isEmpty())
        return authorError;
    const QByteArray content = p.json(QStringLiteral("content"));
    if (!p.has(QStringLiteral("content")) || content.trimmed().isEmpty())
        return QStringLiteral("CONTENT_REQUIRED");
    // The limit is on the content JSON exactly as received.
    if (content.size() > MaxContentBytes)
        return QStringLiteral("CONTENT_TOO_BIG");
    const NodeParseResult parsed = nodesFromJson(content);
    if (!parsed.ok())
        return QStringLiteral("CONTENT_FORMAT_INVALID");
    const QString authorName = p.has(QStringLiteral("author_name"))
                                   ? p.text(QStringLiteral("author_name"))
                                   : page->authorName;
    const QString authorUrl = p.has(QStringLiteral("author_url"))
                                  ? p.text(QStringLiteral("author_url"))
                                  : page->authorUrl;
    for (const ValidationIssue &issue : validatePage(title, authorName, authorUrl, parsed.nodes)) {
        const QString code = issue.apiCode();
        if (!code.isEmpty())
            return code;
    }
    page->title = title;
    page->authorName = authorName;
    page->authorUrl = authorUrl;
    page->content = toJson(parsed.nodes);
    page->description = describe(parsed.nodes);
    QString image = firstImage(parsed.nodes);
    if (image.startsWith(u'/') && !image.startsWith(u"//")) {
        QString base = m_publicUrl.toString(QUrl::FullyEncoded);
        while (base.endsWith(u'/'))
            base.chop(1);
        image = base + image;
    }
    page->imageUrl = image;
    return {};
}

QByteArray Api::createPage(const ApiParams &p)
{
    const std::optional<StoredAccount> a = account(p);
    if (!a)
        return JsonBuilder::error(QStringLiteral("ACCESS_TOKEN_INVALID"));
    StoredPage page;
    page.authorName = a->authorName;
    page.authorUrl = a->authorUrl;
    const QString error = readPage(p, &page);
    if (!error.isEmpty())
        return JsonBuilder::error(error);
    const QString wait = flood(a->id);
    if (!wait.isEmpty())
        return JsonBuilder::error(wait);
    if (m_pageSaveFailedRate > 0 && m_random->generateDouble() < m_pageSaveFailedRate)
        return JsonBuilder::error(QStringLiteral("PAGE_SAVE_FAILED"));
    const QDateTime created = now().toUTC();
    page.accountId = a->id;
    page.createdMs = created.toMSecsSinceEpoch();
    const QString base = PathGenerator::basePath(page.title, created.date());
    // Next free `-N` after the last one used with this base; a title that itself ends in `-N`
    // can still collide, so check before taking it.
    int suffix = m_store->lastSuffix(base);
    do {
        ++suffix;
        page.path = suffix == 1 ? base : base + u'-' + QString::number(suffix);
    } while (m_store->pathExists(page.path));
    if (!m_store->insertPage(&page, base, suffix))
        return JsonBuilder::error(QStringLiteral("PAGE_SAVE_FAILED"));
    const bool withContent = p.boolean(QStringLiteral("return_content")).value_or(false);
    return JsonBuilder::ok(pageJson(page, withContent, true));
}

QByteArray Api::editPage(const ApiParams &p)
{
    const std::optional<StoredAccount> a = account(p);
    if (!a)
        return JsonBuilder::error(QStringLiteral("ACCESS_TOKEN_INVALID"));
    const QString path = p.text(QStringLiteral("path")).trimmed();
    if (path.isEmpty())
        return JsonBuilder::error(QStringLiteral("PATH_REQUIRED"));
    std::optional<StoredPage> page = m_store->pageByPath(path);
    if (!page)
        return JsonBuilder::error(QStringLiteral("PAGE_NOT_FOUND"));
    if (page->accountId != a->id)
        return JsonBuilder::error(QStringLiteral("PAGE_ACCESS_DENIED"));
    const QString error = readPage(p, &*page);
    if (!error.isEmpty())
        return JsonBuilder::error(error);
    const QString wait = flood(a->id);
    if (!wait.isEmpty())
        return JsonBuilder::error(wait);
    if (m_pageSaveFailedRate > 0 && m_random->generateDouble() < m_pageSaveFailedRate)
        return JsonBuilder::error(QStringLiteral("PAGE_SAVE_FAILED"));
    if (!m_store->updatePage(*page))
        return JsonBuilder::error(QStringLiteral("PAGE_SAVE_FAILED"));
    const bool withContent = p.boolean(QStringLiteral("return_content")).value_or(false);
    return JsonBuilder::ok(pageJson(*page, withContent, true));
}

QByteArray Api::getPage(const ApiParams &p)
{
    const QString path = p.text(QStringLiteral("path")).trimmed();
    if (path.isEmpty())
        return JsonBuilder::error(QStringLiteral("PATH_REQUIRED"));
    const bool withContent = p.boolean(QStringLiteral("return_content")).value_or(false);
    const std::optional<StoredPage> page = m_store->pageByPath(path, withContent);
    if (!page)
        return JsonBuilder::error(QStringLiteral("PAGE_NOT_FOUND"));
    std::optional<bool> canEdit;
    if (!p.text(QStringLiteral("access_token")).trimmed().isEmpty()) {
        const std::optional<StoredAccount> a = account(p);
        canEdit = a && a->id == page->accountId;
    }
    return JsonBuilder::ok(pageJson(*page, withContent, canEdit));
}

QByteArray Api::getPageList(const ApiParams &p)
{
    const std::optional<StoredAccount> a = account(p);
    if (!a)
        return JsonBuilder::error(QStringLiteral("ACCESS_TOKEN_INVALID"));
    qint64 offset = 0;
    qint64 limit = 50;
    if (p.has(QStringLiteral("offset"))) {
        const std::optional<qint64> v = p.integer(QStringLiteral("offset"));
        if (!v || *v < 0)
            return JsonBuilder::error(QStringLiteral("OFFSET_INVALID"));
        offset = *v;
    }
    if (p.has(QStringLiteral("limit"))) {
        const std::optional<qint64> v = p.integer(QStringLiteral("limit"));
        if (!v || *v < 0 || *v > PageListLimitMax)
            return JsonBuilder::error(QStringLiteral("LIMIT_INVALID"));
        limit = *v;
    }
    const int total = m_store->pageCount(a->id);
    QByteArray pages = "[";
    if (limit > 0 && offset < total) {
        const QList<StoredPage> list = m_store->pageList(a->id, int(offset), int(limit));
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i > 0)
                pages += ',';
            pages += pageJson(list.at(i), false, true);
        }
    }
    pages += ']';
    return JsonBuilder::ok(JsonBuilder().add("total_count", total).addRaw("pages", pages).toJson());
}

QByteArray Api::getViews(const ApiParams &p)
{
    const QString path = p.text(QStringLiteral("path")).trimmed();
    if (path.isEmpty())
        return JsonBuilder::error(QStringLiteral("PATH_REQUIRED"));
    struct Part
    {
        const char *name;
        int min;
        int max;
        const char *invalid;
        std::optional<qint64> value;
    };
    Part parts[] = {{"year", 2000, 2100, "YEAR_INVALID", {}},
                    {"month", 1, 12, "MONTH_INVALID", {}},
                    {"day", 1, 31, "DAY_INVALID", {}},
                    {"hour", 0, 23, "HOUR_INVALID", {}}};
    for (Part &part : parts) {
        const QString name = QLatin1String(part.name);
        if (!p.has(name) || p.text(name).trimmed().isEmpty())
            continue;
        part.value = p.integer(name);
        if (!part.value || *part.value < part.min || *part.value > part.max)
            return JsonBuilder::error(QLatin1String(part.invalid));
    }
    // Each finer part needs the coarser one: month needs year, day needs month, hour needs day.
    static const char *const required[] = {"YEAR_REQUIRED", "MONTH_REQUIRED", "DAY_REQUIRED"};
    for (int i = 1; i < 4; ++i) {
        if (parts[i].value && !parts[i - 1].value)
            return JsonBuilder::error(QLatin1String(required[i - 1]));
    }
    const std::optional<StoredPage> page = m_store->pageByPath(path, false);
    if (!page)
        return JsonBuilder::error(QStringLiteral("PAGE_NOT_FOUND"));
    if (!parts[0].value)
        return JsonBuilder::ok(JsonBuilder().add("views", page->views).toJson());
    const int year = int(*parts[0].value);
    QDateTime from;
    QDateTime to;
    if (!parts[1].value) {
        from = QDateTime(QDate(year, 1, 1), QTime(0, 0), Qt::UTC);
        to = from.addYears(1);
    } else if (!parts[2].value) {
        from = QDateTime(QDate(year, int(*parts[1].value), 1), QTime(0, 0), Qt::UTC);
        to = from.addMonths(1);
    } else {
        const QDate date(year, int(*parts[1].value), int(*parts[2].value));
        if (!date.isValid())
            return JsonBuilder::error(QStringLiteral("DAY_INVALID"));
        if (!parts[3].value) {
            from = QDateTime(date, QTime(0, 0), Qt::UTC);
            to = from.addDays(1);
        } else {
            from = QDateTime(date, QTime(int(*parts[3].value), 0), Qt::UTC);
            to = from.addSecs(3600);
        }
    }
    const qint64 views =
        m_store->viewsBetween(page->id, from.toSecsSinceEpoch(), to.toSecsSinceEpoch());
    return JsonBuilder::ok(JsonBuilder().add("views", views).toJson());
}

QByteArray Api::pageJson(const StoredPage &page, bool withContent,
                         std::optional<bool> canEdit) const
{
    JsonBuilder b;
    b.add("path", page.path)
        .add("url", pageUrl(page.path))
        .add("title", page.title)
        .add("description", page.description);
    if (!page.authorName.isEmpty())
        b.add("author_name", page.authorName);
    if (!page.authorUrl.isEmpty())
        b.add("author_url", page.authorUrl);
    if (!page.imageUrl.isEmpty())
        b.add("image_url", page.imageUrl);
    if (withContent)
        b.addRaw("content", page.content);
    b.add("views", page.views);
    if (canEdit)
        b.add("can_edit", *canEdit);
    return b.toJson();
}

} // namespace tg::sandbox
