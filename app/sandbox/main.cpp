// SPDX-License-Identifier: MIT
// telegraph-sandbox: a local Telegraph API server for tests and offline use.
#include "sandbox/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &c, 1);
}

bool fail(const QString &message)
{
    QTextStream(stderr) << "telegraph-sandbox: " << message << '\n';
    return false;
}

/// Fills settings, address and port from the command line; false (after a message) on errors.
bool parseArguments(const QCommandLineParser &p, tg::sandbox::ServerSettings *s,
                    QHostAddress *address, quint16 *port)
{
    const QString listen = p.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    QString host = colon < 0 ? listen : listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = true;
    const uint portValue = colon < 0 ? 0 : listen.mid(colon + 1).toUInt(&ok);
    if (!ok || portValue > 65535 ||
        !address->setAddress(host.isEmpty() ? QStringLiteral("127.0.0.1") : host))
        return fail(QStringLiteral("--listen wants HOST:PORT, e.g. 127.0.0.1:0"));
    *port = quint16(portValue);

    if (p.isSet(QStringLiteral("data")) && p.isSet(QStringLiteral("memory")))
        return fail(QStringLiteral("--data and --memory exclude each other"));
    if (p.isSet(QStringLiteral("data")))
        s->dataDir = p.value(QStringLiteral("data"));
    if (p.isSet(QStringLiteral("public-url"))) {
        s->publicUrl = QUrl(p.value(QStringLiteral("public-url")), QUrl::StrictMode);
        if (!s->publicUrl.isValid() || s->publicUrl.host().isEmpty())
            return fail(QStringLiteral("--public-url wants an absolute URL"));
    }
    auto number = [&p](const char *name, double min, double max, double *out) {
        if (!p.isSet(QLatin1String(name)))
            return true;
        bool ok = false;
        const double v = p.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || v < min || v > max)
            return fail(QStringLiteral("--%1 must be a number from %2 to %3")
                            .arg(QLatin1String(name))
                            .arg(min)
                            .arg(max));
        *out = v;
        return true;
    };
    double latency = s->faults.latencyMs;
    double burst = s->flood.burst;
    double maxBody = double(s->limits.maxBodyBytes);
    double maxConnections = s->limits.maxConnections;
    if (!number("latency", 0, 600000, &latency) || !number("flood-burst", 0, 1000000, &burst) ||
        !number("flood-interval", 0.001, 86400, &s->flood.intervalSec) ||
        !number("fault-rate", 0, 1, &s->faults.rate) ||
        !number("page-save-failed-rate", 0, 1, &s->faults.pageSaveFailedRate) ||
        !number("max-body", 1024, 1024.0 * 1024 * 1024, &maxBody) ||
        !number("max-connections", 1, 65536, &maxConnections))
        return false;
    s->faults.latencyMs = int(latency);
    s->flood.burst = int(burst);
    s->limits.maxBodyBytes = qsizetype(maxBody);
    s->limits.maxConnections = int(maxConnections);
    const QString upload = p.value(QStringLiteral("upload"));
    if (upload != u"ok" && upload != u"disabled")
        return fail(QStringLiteral("--upload is ok or disabled"));
    s->uploadEnabled = upload == u"ok";
    if (p.isSet(QStringLiteral("faults"))) {
        for (const QString &name :
             p.value(QStringLiteral("faults")).split(u',', Qt::SkipEmptyParts)) {
            tg::sandbox::FaultKind kind;
            if (!tg::sandbox::parseFaultKind(name, &kind))
                return fail(
                    QStringLiteral("unknown fault kind %1 (http500, html, truncate, reset, stall)")
                        .arg(name));
            s->faults.kinds.append(kind);
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("telegraph-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TG_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local server that behaves like the Telegraph API (telegra.ph)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("listen"),
         QStringLiteral("Address and port to bind (port 0: any free port)."),
         QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:0")},
        {QStringLiteral("data"), QStringLiteral("Keep accounts, pages, files and views in DIR."),
         QStringLiteral("DIR")},
        {QStringLiteral("memory"), QStringLiteral("Keep everything in memory (the default).")},
        {QStringLiteral("public-url"),
         QStringLiteral("Base of page URLs, e.g. https://telegra.ph (default: the server's URL)."),
         QStringLiteral("URL")},
        {QStringLiteral("latency"), QStringLiteral("Delay every answer by MS milliseconds."),
         QStringLiteral("MS")},
        {QStringLiteral("flood-burst"),
         QStringLiteral(
             "Writes per account before FLOOD_WAIT (default 20; 0 turns flood control off)."),
         QStringLiteral("N")},
        {QStringLiteral("flood-interval"),
         QStringLiteral("Seconds per additional write after the burst (default 3)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("upload"),
         QStringLiteral(
             "Legacy /upload: ok (works as before 2024-09) or disabled (answers like today)."),
         QStringLiteral("ok|disabled"), QStringLiteral("ok")},
        {QStringLiteral("fault-rate"),
         QStringLiteral("Share (0..1) of API calls and uploads that fail."),
         QStringLiteral("FRACTION")},
        {QStringLiteral("faults"),
         QStringLiteral(
             "Fault kinds to draw from: http500,html,truncate,reset,stall (default all)."),
         QStringLiteral("KIND,...")},
        {QStringLiteral("page-save-failed-rate"),
         QStringLiteral("Share (0..1) of createPage/editPage answering PAGE_SAVE_FAILED."),
         QStringLiteral("FRACTION")},
        {QStringLiteral("max-body"),
         QStringLiteral("Largest request body in bytes (else HTTP 413)."), QStringLiteral("BYTES")},
        {QStringLiteral("max-connections"),
         QStringLiteral("Most connections open at once (default 256; one more gets HTTP 503)."),
         QStringLiteral("N")},
    });
    parser.process(app);

    tg::sandbox::ServerSettings settings;
    QHostAddress address;
    quint16 port = 0;
    if (!parseArguments(parser, &settings, &address, &port))
        return 2;

    tg::sandbox::Server server(settings);
    if (!server.listen(address, port)) {
        fail(QStringLiteral("cannot listen on %1: %2")
                 .arg(parser.value(QStringLiteral("listen")), server.errorString()));
        return 1;
    }

    if (::pipe(s_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
            char c;
            [[maybe_unused]] const auto r = ::read(s_signalPipe[0], &c, 1);
            app.quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    QTextStream out(stdout);
    out << "listening on " << server.url().toString() << Qt::endl;
    if (settings.dataDir.isEmpty())
        QTextStream(stderr)
            << "telegraph-sandbox: data is kept in memory (use --data DIR to keep it)\n";
    const int rc = app.exec();
    server.close();
    out << "stopped" << Qt::endl;
    return rc;
}
