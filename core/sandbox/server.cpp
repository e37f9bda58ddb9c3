// SPDX-License-Identifier: MIT
#include "sandbox/server.h"

#include "sandbox/api.h"
#include "sandbox/apiparams.h"
#include "sandbox/floodcontrol.h"
#include "sandbox/httpmessage.h"
#include "sandbox/httpserver.h"
#include "sandbox/jsonbuilder.h"
#include "sandbox/multipart.h"
#include "sandbox/pagerenderer.h"
#include "sandbox/sandboxlog.h"
#include "sandbox/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace tg::sandbox {

namespace {

constexpr qsizetype UploadMaxBytes = 5 * 1024 * 1024;
/// Bounds of the control endpoint's views call: timestamps per call, views per timestamp, and
/// the Unix seconds a timestamp may have (years 1 to 9999).
constexpr qsizetype MaxViewTimestamps = 10000;
constexpr qint64 MaxViewCount = 1000000000;
constexpr double MinTimestamp = -62135596800.;
constexpr double MaxTimestamp = 253402300799.;

/// Content sniffing of the four types the legacy upload accepted: MIME type and extension.
bool sniff(const QByteArray &data, QByteArray *mime, QString *ext)
{
    if (data.startsWith("\xFF\xD8\xFF")) {
        *mime = "image/jpeg";
        *ext = QStringLiteral("jpg");
    } else if (data.startsWith("\x89PNG\r\n\x1A\n")) {
        *mime = "image/png";
        *ext = QStringLiteral("png");
    } else if (data.startsWith("GIF87a") || data.startsWith("GIF89a")) {
        *mime = "image/gif";
        *ext = QStringLiteral("gif");
    } else if (data.size() >= 12 && data.mid(4, 4) == "ftyp") {
        *mime = "video/mp4";
        *ext = QStringLiteral("mp4");
    } else {
        return false;
    }
    return true;
}

QByteArray uploadError(const QString &message)
{
    return "{\"error\":" + JsonBuilder::string(message) + '}';
}

QString decodePath(const QByteArray &encoded)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
}

QByteArray nginxPage(int status)
{
    const QByteArray title = QByteArray::number(status) + ' ' + httpReasonPhrase(status);
    return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
           "</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";
}

/// The host part of a Host header or URL authority: lower case, without port and brackets.
QString hostPart(const QByteArray &authority)
{
    QString a = QString::fromLatin1(authority).trimmed().toLower();
    if (a.startsWith(u'[')) {
        const qsizetype close = a.indexOf(u']');
        return close < 0 ? QString() : a.mid(1, close - 1);
    }
    const qsizetype colon = a.indexOf(u':');
    if (colon >= 0 && a.indexOf(u':', colon + 1) < 0)
        a.truncate(colon);
    return a;
}

/// localhost, 127.0.0.0/8 or ::1.
bool isLoopbackHost(const QString &host)
{
    if (host == u"localhost")
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

/// scheme://host[:port] of a URL, as a browser writes it in Origin.
QByteArray originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    QByteArray origin = url.scheme().toLatin1() + "://" + url.host(QUrl::FullyEncoded).toLatin1();
    if (url.port() >= 0)
        origin += ':' + QByteArray::number(url.port());
    return origin;
}

/// A header value shortened for an error message.
QString shown(const QByteArray &value)
{
    return value.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(value.left(100));
}

bool looksLikePagePath(const QString &segment)
{
    static const QRegularExpression re(QStringLiteral("(^|-)\\d\\d-\\d\\d(-\\d+)?$"));
    return re.match(segment).hasMatch();
}

} // namespace

Server::Server(const ServerSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_random(settings.randomSeed ? settings.randomSeed : QRandomGenerator::system()->generate())
    , m_store(std::make_unique<Store>())
    , m_flood(std::make_unique<FloodControl>(settings.flood))
{
    m_api =
        std::make_unique<Api>(m_store.get(), m_flood.get(), &m_random, [this] { return now(); });
    m_api->setPageSaveFailedRate(m_settings.faults.pageSaveFailedRate);
    m_http = new HttpServer([this](const HttpRequest &r) { return handle(r); }, this);
    m_http->setLimits(m_settings.limits);
}

Server::~Server()
{
    close();
}

bool Server::listen(const QHostAddress &address, quint16 port)
{
    m_error.clear();
    if (!m_storeOpen) {
        if (!m_store->open(m_settings.dataDir, &m_error)) {
            qCWarning(lcSandbox) << "cannot open the store:" << m_error;
            return false;
        }
        m_storeOpen = true;
    }
    // The preferred port keeps a data folder's address; taken, any free port will do.
    const bool preferred = port == 0 && m_settings.preferredPort != 0 &&
                           m_http->listen(address, m_settings.preferredPort);
    if (port == 0 && m_settings.preferredPort != 0 && !preferred)
        qCDebug(lcSandbox) << "port" << m_settings.preferredPort
                           << "is taken:" << m_http->errorString();
    if (!preferred && !m_http->listen(address, port)) {
        m_error = m_http->errorString();
        qCWarning(lcSandbox) << "cannot listen on" << address.toString() << port << ":" << m_error;
        return false;
    }
    qCDebug(lcSandbox) << "listening on" << url().toString();
    m_api->setPublicUrl(publicUrl());
    return true;
}

bool Server::isListening() const
{
    return m_http->isListening();
}

void Server::close()
{
    m_http->close();
    m_store->close();
    m_storeOpen = false;
}

QUrl Server::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    QHostAddress address = m_http->address();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        address = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress::LocalHostIPv6;
    u.setHost(address.toString());
    u.setPort(m_http->port());
    return u;
}

quint16 Server::port() const
{
    return m_http->port();
}

QUrl Server::publicUrl() const
{
    return m_settings.publicUrl.isValid() && !m_settings.publicUrl.isEmpty() ? m_settings.publicUrl
                                                                             : url();
}

void Server::setFaults(const FaultSettings &faults)
{
    m_settings.faults = faults;
    m_api->setPageSaveFailedRate(faults.pageSaveFailedRate);
}

void Server::setFlood(const FloodSettings &flood)
{
    m_settings.flood = flood;
    m_flood->setSettings(flood);
}

bool Server::seedViews(const QString &path, const QDateTime &when, qint64 count)
{
    if (!m_storeOpen || count <= 0)
        return false;
    const std::optional<StoredPage> page = m_store->pageByPath(path, false);
    if (!page)
        return false;
    const qint64 secs = when.toSecsSinceEpoch();
    const qint64 hourStart = secs - ((secs % 3600) + 3600) % 3600;
    return m_store->addViews(page->id, hourStart, count);
}

QDateTime Server::now() const
{
    return m_settings.clock ? m_settings.clock().toUTC() : QDateTime::currentDateTimeUtc();
}

HttpResponse Server::handle(const HttpRequest &request)
{
    HttpResponse response;
    const QList<QByteArray> segments = request.path.mid(1).split('/');
    const QString first = decodePath(segments.value(0));
    QByteArray restEncoded;
    if (segments.size() > 1)
        restEncoded = request.path.mid(1 + segments.at(0).size() + 1);
    const QString rest = decodePath(restEncoded);

    if (first == u"_sandbox") {
        response = handleControl(rest, request);
    } else if (first == u"file" && segments.size() > 1) {
        response = handleFile(rest, request);
    } else if (first == u"auth" && segments.size() > 1) {
        response = handleAuth(rest);
    } else if (first == u"upload" && rest.isEmpty()) {
        ++m_stats.uploads;
        response = withFaults([&] { return handleUpload(request); });
    } else if (first.isEmpty()) {
        response = HttpResponse::html(PageRenderer::message(
            QStringLiteral("telegraph-sandbox"),
            QStringLiteral(
                "A local Telegraph API server. Call /createAccount?short_name=… to start.")));
    } else if (QString method; Api::isMethod(first, &method)) {
        ++m_stats.apiCalls;
        if (method == u"createPage")
            ++m_stats.createPage;
        else if (method == u"editPage")
            ++m_stats.editPage;
        if (method == u"createPage" || method == u"editPage" || method == u"createAccount" ||
            method == u"editAccountInfo" || method == u"revokeAccessToken")
            ++m_stats.writes;
        response = withFaults([&] { return handleApi(first, rest, request); });
    } else if (segments.size() == 1 && (request.method == "GET" || request.method == "HEAD") &&
               (looksLikePagePath(first) || m_store->pathExists(first))) {
        response = handlePage(first, request);
    } else {
        response = HttpResponse::json(JsonBuilder::error(QStringLiteral("UNKNOWN_METHOD")));
        response.delayMs = m_settings.faults.latencyMs;
    }
    Q_EMIT requestHandled(request.method, request.target, response.status);
    return response;
}

std::optional<FaultKind> Server::rollFault()
{
    const FaultSettings &f = m_settings.faults;
    if (f.rate <= 0 || m_random.generateDouble() >= f.rate)
        return std::nullopt;
    QList<FaultKind> kinds = f.kinds;
    if (kinds.isEmpty())
        kinds = {FaultKind::Http500, FaultKind::HtmlError, FaultKind::Truncate, FaultKind::Reset,
                 FaultKind::Stall};
    const FaultKind kind = kinds.at(int(m_random.bounded(int(kinds.size()))));
    qCDebug(lcSandbox) << "fault drawn:" << faultKindName(kind);
    return kind;
}

HttpResponse Server::withFaults(const std::function<HttpResponse()> &process)
{
    const std::optional<FaultKind> fault = rollFault();
    HttpResponse response;
    if (!fault || *fault == FaultKind::Truncate) {
        response = process();
        if (fault)
            response.fault = HttpResponse::Fault::Truncate;
    } else if (*fault == FaultKind::Http500) {
        response.status = 500;
        response.contentType = "text/plain; charset=utf-8";
        response.body = "Internal Server Error\n";
    } else if (*fault == FaultKind::HtmlError) {
        response = HttpResponse::html(nginxPage(502), 502);
    } else if (*fault == FaultKind::Reset) {
        response.fault = HttpResponse::Fault::Reset;
    } else {
        response.fault = HttpResponse::Fault::Stall;
    }
    response.delayMs = m_settings.faults.latencyMs;
    return response;
}

HttpResponse Server::handleApi(const QString &method, const QString &pathSegment,
                               const HttpRequest &request)
{
    QString errorCode;
    std::optional<ApiParams> params = ApiParams::fromRequest(request, &errorCode);
    QByteArray body;
    if (!params) {
        body = JsonBuilder::error(errorCode);
    } else {
        if (!pathSegment.isEmpty())
            params->setText(QStringLiteral("path"), pathSegment);
        body = m_api->call(method, *params);
    }
    return HttpResponse::json(body);
}

HttpResponse Server::handleUpload(const HttpRequest &request)
{
    if (request.method != "POST")
        return HttpResponse::json(uploadError(QStringLiteral("No files passed")));
    if (!m_settings.uploadEnabled)
        return HttpResponse::json(uploadError(QStringLiteral("Unknown error")));
    QList<MultipartPart> parts;
    const QByteArray boundary = Multipart::boundary(request.header("content-type"));
    if (!Multipart::parse(request.body, boundary, &parts) || parts.isEmpty())
        return HttpResponse::json(uploadError(QStringLiteral("No files passed")));
    struct Accepted
    {
        QString name;
        StoredFile file;
    };
    QList<Accepted> accepted;
    for (const MultipartPart &part : parts) {
        if (part.data.size() > UploadMaxBytes)
            return HttpResponse::json(uploadError(QStringLiteral("File too big")));
        QByteArray mime;
        QString ext;
        if (!sniff(part.data, &mime, &ext))
            return HttpResponse::json(uploadError(QStringLiteral("File type invalid")));
        QString name;
        static const char hex[] = "0123456789abcdef";
        for (int i = 0; i < 21; ++i)
            name += QLatin1Char(hex[QRandomGenerator::system()->bounded(16)]);
        accepted.append({name + u'.' + ext, StoredFile{mime, part.data}});
    }
    QByteArray result = "[";
    for (const Accepted &a : accepted) {
        if (!m_store->insertFile(a.name, a.file))
            return HttpResponse::json(uploadError(QStringLiteral("Unknown error")));
        if (result.size() > 1)
            result += ',';
        result += JsonBuilder().add("src", QStringLiteral("/file/") + a.name).toJson();
    }
    result += ']';
    return HttpResponse::json(result);
}

HttpResponse Server::handleFile(const QString &name, const HttpRequest &request)
{
    if (request.method != "GET" && request.method != "HEAD")
        return HttpResponse::html(nginxPage(405), 405);
    const std::optional<StoredFile> file = m_store->file(name);
    if (!file)
        return HttpResponse::html(nginxPage(404), 404);
    HttpResponse r;
    r.contentType = file->mimeType;
    r.body = file->data;
    r.extraHeaders.append(
        qMakePair(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=31536000")));
    return r;
}

HttpResponse Server::handleAuth(const QString &code)
{
    const std::optional<qint64> accountId =
        m_store->consumeAuthCode(code, now().toMSecsSinceEpoch());
    if (!accountId) {
        return HttpResponse::html(
            PageRenderer::message(QStringLiteral("Link expired"),
                                  QStringLiteral("This login link was already used or has "
                                                 "expired (links are valid for 5 minutes).")),
            410);
    }
    const std::optional<StoredAccount> account = m_store->accountById(*accountId);
    return HttpResponse::html(PageRenderer::message(
        QStringLiteral("Logged in"), QStringLiteral("This browser is now logged in as %1.")
                                         .arg(account ? account->shortName : QString())));
}

HttpResponse Server::handlePage(const QString &path, const HttpRequest &request)
{
    const std::optional<StoredPage> page = m_store->pageByPath(path);
    HttpResponse r;
    if (!page) {
        r = HttpResponse::html(PageRenderer::message(QStringLiteral("404 Not Found"),
                                                     QStringLiteral("There is no such page.")),
                               404);
    } else {
        if (request.method == "GET")
            seedViews(path, now());
        QByteArray html = PageRenderer::render(*page);
        // Away from its preferred port the content still names the first address (the public
        // one); the page as served points a browser at where the server listens now.
        if (m_settings.preferredPort != 0 && port() != m_settings.preferredPort &&
            publicUrl().port() == m_settings.preferredPort)
            html.replace(QByteArray(originOf(publicUrl()) + '/'),
                         QByteArray(originOf(url()) + '/'));
        r = HttpResponse::html(html);
    }
    r.extraHeaders.append(qMakePair(
        QByteArrayLiteral("Content-Security-Policy"),
        PageRenderer::contentSecurityPolicy({publicUrl(), url()}, request.header("host"))));
    r.delayMs = m_settings.faults.latencyMs;
    return r;
}

QByteArray Server::settingsJson() const
{
    QByteArray kinds = "[";
    for (FaultKind k : m_settings.faults.kinds) {
        if (kinds.size() > 1)
            kinds += ',';
        kinds += JsonBuilder::string(faultKindName(k));
    }
    kinds += ']';
    return JsonBuilder()
        .add("public_url", publicUrl().toString())
        .add("persistent", !m_settings.dataDir.isEmpty())
        .add("upload", m_settings.uploadEnabled ? QStringLiteral("ok") : QStringLiteral("disabled"))
        .add("flood_burst", m_settings.flood.burst)
        .addRaw("flood_interval", QByteArray::number(m_settings.flood.intervalSec))
        .addRaw("fault_rate", QByteArray::number(m_settings.faults.rate))
        .addRaw("faults", kinds)
        .addRaw("page_save_failed_rate", QByteArray::number(m_settings.faults.pageSaveFailedRate))
        .add("latency_ms", m_settings.faults.latencyMs)
        .toJson();
}

std::optional<HttpResponse> Server::refuseControl(const HttpRequest &request) const
{
    auto refuse = [](const char *code, const QString &reason) {
        return HttpResponse::json(JsonBuilder()
                                      .add("ok", false)
                                      .add("error", QLatin1String(code))
                                      .add("reason", reason)
                                      .toJson(),
                                  403);
    };
    // Only local callers (or the configured public host) may steer the sandbox: a Host naming
    // anything else is a page reaching it through DNS rebinding.
    const QByteArray hostHeader = request.header("host");
    const QString host = hostPart(hostHeader);
    const QHostAddress bound = m_http->address();
    const bool hostAllowed =
        !host.isEmpty() &&
        (isLoopbackHost(host) ||
         (m_settings.publicUrl.isValid() &&
          host == m_settings.publicUrl.host(QUrl::FullyEncoded).toLower()) ||
         (!bound.isNull() && bound != QHostAddress::Any && bound != QHostAddress::AnyIPv4 &&
          bound != QHostAddress::AnyIPv6 && QHostAddress(host).isEqual(bound)));
    if (!hostAllowed) {
        return refuse("HOST_NOT_ALLOWED",
                      QStringLiteral("The control endpoint answers only requests for a loopback "
                                     "host (127.0.0.0/8, localhost, [::1]) or the public URL's "
                                     "host; Host is %1.")
                          .arg(shown(hostHeader)));
    }
    // A browser names the page that sends a request in Origin; only the sandbox's own origin
    // may use the endpoint, so no web page can post to it.
    if (request.headers.end() != std::find_if(request.headers.begin(), request.headers.end(),
                                              [](const auto &h) { return h.first == "origin"; })) {
        const QByteArray origin = request.header("origin").toLower();
        const bool sameOrigin =
            origin == "http://" + hostHeader.toLower() ||
            (m_settings.publicUrl.isValid() && origin == originOf(m_settings.publicUrl).toLower());
        if (!sameOrigin) {
            return refuse("ORIGIN_NOT_ALLOWED",
                          QStringLiteral("The control endpoint does not answer pages of another "
                                         "origin; Origin is %1.")
                              .arg(shown(origin)));
        }
    }
    return std::nullopt;
}

HttpResponse Server::handleControl(const QString &action, const HttpRequest &request)
{
    if (std::optional<HttpResponse> refused = refuseControl(request))
        return *refused;
    auto fail = [](const char *code) {
        return HttpResponse::json(JsonBuilder::error(QLatin1String(code)), 400);
    };
    QString errorCode;
    const std::optional<ApiParams> params = ApiParams::fromRequest(request, &errorCode);
    if (!params)
        return HttpResponse::json(JsonBuilder::error(errorCode), 400);
    const ApiParams &p = *params;
    if (action == u"settings") {
        return HttpResponse::json(JsonBuilder::ok(settingsJson()));
    }
    if (action == u"stats") {
        return HttpResponse::json(JsonBuilder::ok(JsonBuilder()
                                                      .add("api_calls", m_stats.apiCalls)
                                                      .add("writes", m_stats.writes)
                                                      .add("create_page", m_stats.createPage)
                                                      .add("edit_page", m_stats.editPage)
                                                      .add("uploads", m_stats.uploads)
                                                      .toJson()));
    }
    if (action == u"faults") {
        FaultSettings f = m_settings.faults;
        auto fraction = [&p](const QString &name, double *out) {
            if (!p.has(name))
                return true;
            bool ok = false;
            const double v = p.text(name).trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(v) || v < 0 || v > 1)
                return false;
            *out = v;
            return true;
        };
        if (!fraction(QStringLiteral("rate"), &f.rate))
            return fail("RATE_INVALID");
        if (!fraction(QStringLiteral("page_save_failed_rate"), &f.pageSaveFailedRate))
            return fail("RATE_INVALID");
        if (p.has(QStringLiteral("latency_ms"))) {
            const std::optional<qint64> v = p.integer(QStringLiteral("latency_ms"));
            if (!v || *v < 0 || *v > 600000)
                return fail("LATENCY_INVALID");
            f.latencyMs = int(*v);
        }
        if (p.has(QStringLiteral("kinds"))) {
            QStringList names;
            const QByteArray raw = p.json(QStringLiteral("kinds")).trimmed();
            if (raw.startsWith('[')) {
                const QJsonDocument doc = QJsonDocument::fromJson(raw);
                for (const QJsonValue &v : doc.array())
                    names.append(v.toString());
            } else {
                names = QString::fromUtf8(raw).split(u',', Qt::SkipEmptyParts);
            }
            f.kinds.clear();
            for (const QString &name : names) {
                FaultKind kind;
                if (!parseFaultKind(name, &kind))
                    return fail("FAULT_KIND_INVALID");
                f.kinds.append(kind);
            }
        }
        setFaults(f);
        return HttpResponse::json(JsonBuilder::ok(settingsJson()));
    }
    if (action == u"flood") {
        FloodSettings fl = m_settings.flood;
        if (p.has(QStringLiteral("burst"))) {
            const std::optional<qint64> v = p.integer(QStringLiteral("burst"));
            if (!v || *v < 0 || *v > 1000000)
                return fail("BURST_INVALID");
            fl.burst = int(*v);
        }
        if (p.has(QStringLiteral("interval"))) {
            bool ok = false;
            const double v = p.text(QStringLiteral("interval")).trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(v) || v < 0.001 || v > 86400)
                return fail("INTERVAL_INVALID");
            fl.intervalSec = v;
        }
        setFlood(fl);
        return HttpResponse::json(JsonBuilder::ok(settingsJson()));
    }
    if (action == u"upload") {
        const QString mode = p.text(QStringLiteral("mode")).trimmed();
        if (mode != u"ok" && mode != u"disabled")
            return fail("MODE_INVALID");
        setUploadEnabled(mode == u"ok");
        return HttpResponse::json(JsonBuilder::ok(settingsJson()));
    }
    if (action == u"views") {
        const QString path = p.text(QStringLiteral("path")).trimmed();
        if (path.isEmpty())
            return fail("PATH_REQUIRED");
        if (!m_store->pathExists(path))
            return fail("PAGE_NOT_FOUND");
        qint64 count = 1;
        if (p.has(QStringLiteral("count"))) {
            const std::optional<qint64> v = p.integer(QStringLiteral("count"));
            if (!v || *v <= 0 || *v > MaxViewCount)
                return fail("COUNT_INVALID");
            count = *v;
        }
        QList<QDateTime> times;
        const QByteArray raw = p.json(QStringLiteral("timestamps")).trimmed();
        QJsonArray list;
        if (raw.startsWith('[')) {
            list = QJsonDocument::fromJson(raw).array();
        } else if (!raw.isEmpty()) {
            for (const QString &s : QString::fromUtf8(raw).split(u',', Qt::SkipEmptyParts))
                list.append(s.trimmed());
        }
        if (list.isEmpty())
            return fail("TIMESTAMPS_REQUIRED");
        if (list.size() > MaxViewTimestamps)
            return fail("TIMESTAMPS_TOO_MANY");
        for (const QJsonValue &v : list) {
            QDateTime t;
            if (v.isDouble()) {
                const double secs = v.toDouble();
                if (!std::isfinite(secs) || secs < MinTimestamp || secs > MaxTimestamp)
                    return fail("TIMESTAMP_INVALID");
                t = QDateTime::fromSecsSinceEpoch(qint64(secs), Qt::UTC);
            } else {
                t = QDateTime::fromString(v.toString(), Qt::ISODate);
                if (t.isValid() && t.timeSpec() == Qt::LocalTime)
                    t.setTimeSpec(Qt::UTC);
            }
            if (!t.isValid())
                return fail("TIMESTAMP_INVALID");
            times.append(t);
        }
        for (const QDateTime &t : times)
            seedViews(path, t, count);
        const std::optional<StoredPage> page = m_store->pageByPath(path, false);
        return HttpResponse::json(
            JsonBuilder::ok(JsonBuilder().add("views", page ? page->views : 0).toJson()));
    }
    return HttpResponse::json(JsonBuilder::error(QStringLiteral("UNKNOWN_ACTION")), 404);
}

} // namespace tg::sandbox
