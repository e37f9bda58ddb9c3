// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include <QCoreApplication>
#include <QFile>

namespace tg::cli {

namespace {

/// Takes the value of an option given as `--name value` or `--name=value` at index i.
/// Returns false (and sets error) when the value is missing.
bool takeValue(const QStringList &args, int &i, const QString &name, QString &value, QString &error)
{
    const QString &a = args.at(i);
    if (a.startsWith(name + QLatin1Char('='))) {
        value = a.mid(name.size() + 1);
        return true;
    }
    if (i + 1 >= args.size()) {
        error = QStringLiteral("option %1 needs a value").arg(name);
        return false;
    }
    value = args.at(++i);
    return true;
}

bool isOption(const QString &a, const QString &name)
{
    return a == name || a.startsWith(name + QLatin1Char('='));
}

/// Longest token line read from a file or standard input (real tokens have 60 characters).
constexpr qint64 MaxTokenLine = 4096;

/// The token on the first line of `device`, trimmed; false with the error when there is none.
bool tokenFromLine(QIODevice &device, const QString &where, QString &token, QString &error)
{
    // readLine(n) reads at most n - 1 bytes: one more than a token line may have.
    const QByteArray line = device.readLine(MaxTokenLine + 2);
    if (line.size() > MaxTokenLine && !line.endsWith('\n')) {
        error = QStringLiteral("the first line of %1 is too long for an access token").arg(where);
        return false;
    }
    token = QString::fromUtf8(line).trimmed();
    if (token.isEmpty()) {
        error = QStringLiteral("no access token on the first line of %1").arg(where);
        return false;
    }
    if (token.contains(QLatin1Char(' ')) || token.contains(QLatin1Char('\t'))) {
        error = QStringLiteral("the first line of %1 is not an access token (it has spaces)")
                    .arg(where);
        return false;
    }
    return true;
}

/// Reads --token-file: refused when other users may read it, a warning when the group may.
bool tokenFromFile(const QString &path, QString &token, QTextStream &err, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read the token file %1: %2").arg(path, f.errorString());
        return false;
    }
    const QFileDevice::Permissions p = f.permissions();
    if (p & QFileDevice::ReadOther) {
        error = QStringLiteral("the token file %1 is readable by every user; make it yours only "
                               "(chmod 600 %1) or pass the token with --token - on stdin")
                    .arg(path);
        return false;
    }
    if (p & QFileDevice::ReadGroup)
        err << "warning: the token file " << path
            << " is readable by its group (chmod 600 it to keep the token yours)\n";
    return tokenFromLine(f, path, token, error);
}

} // namespace

QString helpText()
{
    return QStringLiteral(
        "Usage: telegraph [global options] <command> [options]\n"
        "\n"
        "Publish to Telegraph (telegra.ph) and convert its content from the command line.\n"
        "\n"
        "Commands:\n"
        "  convert html-to-nodes [--lenient] [--jsonl] [FILE|-]   HTML to Telegraph nodes (JSON)\n"
        "  convert nodes-to-html [--jsonl] [FILE|-]               nodes (JSON) to HTML\n"
        "  convert markdown-to-nodes [FILE|-]                     Markdown to nodes\n"
        "  convert nodes-to-markdown [FILE|-]                     nodes to Markdown\n"
        "  account create --short-name NAME [--author-name N] [--author-url U] [--save NAME]\n"
        "  account import --save NAME          save the --token given (checked first)\n"
        "  account info [--fields a,b,...]     short_name author_name author_url auth_url "
        "page_count\n"
        "  account edit [--short-name N] [--author-name N] [--author-url U]\n"
        "  account revoke                      new token (the saved --account is updated)\n"
        "  account list | account forget NAME  saved accounts\n"
        "  page create --title T (--html F|--markdown F|--nodes F) [--author-name N]\n"
        "              [--author-url U] [--return-content]      F may be - for stdin\n"
        "  page edit PATH --title T (--html F|--markdown F|--nodes F) [...]\n"
        "  page get PATH [--content]\n"
        "  page list [--offset N] [--limit N] [--all] [--views]  --all walks every page\n"
        "  views PATH [--year Y [--month M [--day D [--hour H]]]]\n"
        "  upload FILE... [--host telegraph|http|command]         prints each file's URL\n"
        "         http:    --upload-url URL [--field NAME] [--header 'K: V']... [--url-path P]\n"
        "         command: --command 'CMD [ARGS] [{file}]' (the URL is its last output line)\n"
        "  call METHOD [key=value | key:=json]... [--path PATH]   any API method\n"
        "  backup DIR                                             all pages with content into DIR\n"
        "  publish DIR [--dry-run] [--force] [--only GLOB] [--unpublish-removed]\n"
        "              every *.md/*.html of DIR as linked pages, kept in DIR/.telegraph.json\n"
        "\n"
        "Global options (before or after the command words):\n"
        "  --api-url URL       API base URL (default https://api.telegra.ph)\n"
        "  --domain HOST       telegra.ph, graph.org or te.legra.ph\n"
        "  --token TOKEN       access token (else $TELEGRAPH_ACCESS_TOKEN, else --account);\n"
        "                      other users can see it in the process list: prefer\n"
        "  --token -           the token from the first line of standard input\n"
        "  --token-file FILE   the token from the first line of FILE (not readable by others)\n"
        "  --account NAME      a saved account\n"
        "  --json              print raw JSON results\n"
        "  --concurrency N     requests in flight (default 16)\n"
        "  --insecure-store    allow saving tokens to a 0600 file when no keychain works\n"
        "  --proxy SPEC        http://host:port, socks5://host:port, none or system\n"
        "  --timeout S         per-request timeout in seconds (default 30)\n"
        "  --max-flood-wait S  wait out FLOOD_WAIT up to S seconds, then retry (default 60;\n"
        "                      0 fails at once with exit code 4)\n"
        "  --drafts FILE       the app's drafts database (drafts.sqlite): page create/edit keep\n"
        "                      the page's draft there and record a revision, as the app does\n"
        "  -h, --help          this help\n"
        "  --version           the version\n"
        "\n"
        "Exit codes:\n"
        "  0  success\n"
        "  1  the server answered with an API error (its code is printed)\n"
        "  2  bad usage or bad input (strict conversion errors: 'error: <Kind>: <message>')\n"
        "  3  network, timeout, TLS or protocol failure\n"
        "  4  flood wait not waited out (the seconds are printed)\n");
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err, QIODevice &in)
{
    GlobalOptions g;
    QStringList rest;
    bool afterDoubleDash = false;
    bool tokenGiven = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        QString error;
        if (afterDoubleDash) {
            rest.append(a);
        } else if (a == QLatin1String("--")) {
            afterDoubleDash = true;
            rest.append(a);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << helpText();
            out.flush();
            return ExitOk;
        } else if (a == QLatin1String("--version")) {
            out << "telegraph " << QStringLiteral(TG_VERSION) << '\n';
            out.flush();
            return ExitOk;
        } else if (a == QLatin1String("--json")) {
            g.json = true;
        } else if (a == QLatin1String("--insecure-store")) {
            g.insecureStore = true;
        } else if (isOption(a, QStringLiteral("--api-url"))) {
            if (!takeValue(arguments, i, QStringLiteral("--api-url"), g.apiUrl, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
        } else if (isOption(a, QStringLiteral("--domain"))) {
            if (!takeValue(arguments, i, QStringLiteral("--domain"), g.domain, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
        } else if (isOption(a, QStringLiteral("--token")) ||
                   isOption(a, QStringLiteral("--token-file"))) {
            const bool file = isOption(a, QStringLiteral("--token-file"));
            const QString name = file ? QStringLiteral("--token-file") : QStringLiteral("--token");
            QString value;
            if (!takeValue(arguments, i, name, value, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
            if (tokenGiven) {
                err << "error: give the token once: --token TOKEN, --token - or --token-file "
                       "FILE\n";
                return ExitUsage;
            }
            tokenGiven = true;
            // From a file or stdin the token stays out of the process list (ps).
            bool ok = true;
            if (file)
                ok = tokenFromFile(value, g.token, err, error);
            else if (value == QLatin1String("-"))
                ok = tokenFromLine(in, QStringLiteral("standard input"), g.token, error);
            else
                g.token = value;
            if (!ok) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
        } else if (isOption(a, QStringLiteral("--account"))) {
            if (!takeValue(arguments, i, QStringLiteral("--account"), g.account, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
        } else if (isOption(a, QStringLiteral("--drafts"))) {
            if (!takeValue(arguments, i, QStringLiteral("--drafts"), g.drafts, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
        } else if (isOption(a, QStringLiteral("--proxy"))) {
            if (!takeValue(arguments, i, QStringLiteral("--proxy"), g.proxy, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
        } else if (isOption(a, QStringLiteral("--timeout")) ||
                   isOption(a, QStringLiteral("--max-flood-wait"))) {
            const QString name = isOption(a, QStringLiteral("--timeout"))
                                     ? QStringLiteral("--timeout")
                                     : QStringLiteral("--max-flood-wait");
            QString v;
            if (!takeValue(arguments, i, name, v, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
            bool ok = false;
            const int n = v.toInt(&ok);
            if (!ok || n < 0 || n > 86400) {
                err << "error: " << name << " must be a whole number of seconds, not '" << v
                    << "'\n";
                return ExitUsage;
            }
            (name == QLatin1String("--timeout") ? g.timeoutSeconds : g.maxFloodWait) = n;
        } else if (isOption(a, QStringLiteral("--concurrency"))) {
            QString v;
            if (!takeValue(arguments, i, QStringLiteral("--concurrency"), v, error)) {
                err << "error: " << error << '\n';
                return ExitUsage;
            }
            bool ok = false;
            g.concurrency = v.toInt(&ok);
            if (!ok || g.concurrency < 1 || g.concurrency > 1000) {
                err << "error: --concurrency must be a whole number from 1 to 1000, not '" << v
                    << "'\n";
                return ExitUsage;
            }
        } else {
            rest.append(a);
        }
    }
    // An explicit --account wins over the environment's token.
    if (g.token.isEmpty() && g.account.isEmpty())
        g.token = qEnvironmentVariable("TELEGRAPH_ACCESS_TOKEN");

    if (rest.isEmpty()) {
        err << helpText();
        return ExitUsage;
    }
    Context ctx{g, rest, out, err, in};
    const QString command = rest.first();
    int code = ExitUsage;
    if (command == QLatin1String("convert")) {
        code = runConvert(ctx);
    } else if (command == QLatin1String("account")) {
        code = runAccount(ctx);
    } else if (command == QLatin1String("page")) {
        code = runPage(ctx);
    } else if (command == QLatin1String("views")) {
        code = runViews(ctx);
    } else if (command == QLatin1String("upload")) {
        code = runUpload(ctx);
    } else if (command == QLatin1String("call")) {
        code = runCall(ctx);
    } else if (command == QLatin1String("backup")) {
        code = runBackup(ctx);
    } else if (command == QLatin1String("publish")) {
        code = runPublish(ctx);
    } else {
        err << "error: unknown command '" << command << "' (see telegraph --help)\n";
        code = ExitUsage;
    }
    out.flush();
    err.flush();
    return code;
}

} // namespace tg::cli
