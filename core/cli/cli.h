// SPDX-License-Identifier: MIT
#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace tg::cli {

/// Exit codes of the `telegraph` tool, documented in its --help.
enum ExitCode : int
{
    ExitOk = 0,
    ExitApiError = 1,  ///< the server answered with an error code (printed)
    ExitUsage = 2,     ///< bad usage or bad input (also strict conversion errors)
    ExitNetwork = 3,   ///< network, timeout, TLS or protocol failure
    ExitFloodWait = 4, ///< a flood wait that was not waited out (seconds printed)
};

/// Options that may stand before or after the command words.
struct GlobalOptions
{
    QString apiUrl; ///< --api-url: full base URL of the API (e.g. http://127.0.0.1:8080)
    QString domain; ///< --domain: telegra.ph, graph.org, te.legra.ph
    QString
        token; ///< --token, --token -, --token-file (else TELEGRAPH_ACCESS_TOKEN, else --account)
    QString account;   ///< --account NAME: a saved account
    bool json = false; ///< --json: raw result objects for scripts
    int concurrency = 16;
    bool insecureStore = false; ///< --insecure-store: allow a 0600 token file without a keychain
    QString proxy;              ///< --proxy: http://host:port, socks5://host:port, none, system
    int timeoutSeconds = 30;    ///< --timeout: per-request transfer timeout
    int maxFloodWait = 60;      ///< --max-flood-wait: longest FLOOD_WAIT_n waited out (0: never)
    QString drafts; ///< --drafts FILE: a drafts database where page create/edit record revisions
};

/// What a command sees: the global options, the remaining words (command words first, then the
/// command's own options and operands) and the three standard streams.
struct Context
{
    GlobalOptions global;
    QStringList args;
    QTextStream &out;
    QTextStream &err;
    QIODevice &in;
};

/// Runs the tool with the given arguments (without the program name); returns the exit code.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err, QIODevice &in);

/// The text of `telegraph --help`.
QString helpText();

// Commands, one source file each. args[0] is the command word itself.
int runConvert(Context &ctx);
/// `telegraph account create|info|edit|revoke|import|list|forget`.
int runAccount(Context &ctx);
/// `telegraph page create|edit|get|list`.
int runPage(Context &ctx);
/// `telegraph views PATH [--year --month --day --hour]`.
int runViews(Context &ctx);
/// `telegraph upload FILE...` to the legacy endpoint, an HTTP host or a command.
int runUpload(Context &ctx);
/// `telegraph call METHOD [key=value | key:=json]... [--path PATH]`.
int runCall(Context &ctx);
/// `telegraph backup DIR`: every page of the account with its content, resumable.
int runBackup(Context &ctx);
/// `telegraph publish DIR`: a folder of Markdown/HTML files as linked pages, kept in sync.
int runPublish(Context &ctx);

} // namespace tg::cli
