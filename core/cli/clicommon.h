// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"
#include "api/clientsettings.h"
#include "api/sharedsecretstore.h"
#include "cli/cli.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>

namespace tg {
class ApiJob;
class SecretStore;
class SharedSecretStore;
class TelegraphClient;
} // namespace tg

namespace tg::cli {

/// A command's own options and operands, parsed from Context::args.
struct CommandOptions
{
    QHash<QString, QStringList> values; ///< every value of each value option, in order
    QSet<QString> flags;
    QStringList positional;
    QString error; ///< empty when the arguments were understood

    QString value(const QString &name) const { return values.value(name).value(0); }
    bool has(const QString &name) const { return values.contains(name) || flags.contains(name); }
};

/// Parses args from index `from`: `--name value`, `--name=value` for valueOptions, `--flag` for
/// flagOptions, everything else (and all after `--`) positional. Unknown options are an error.
CommandOptions parseCommandOptions(const QStringList &args, int from,
                                   const QStringList &valueOptions, const QStringList &flagOptions);

/// The settings and accounts folder: $TELEGRAPH_CONFIG_DIR, else the platform's config folder.
QString configDir();

/// Client settings from the global options; on a bad --api-url/--domain/--proxy returns false.
bool clientSettings(const GlobalOptions &global, ClientSettings &out, QString *error);

/// The exit code for an error category (see ExitCode).
int exitCodeFor(const ApiError &error);
/// Prints "error: ..." (the server's code for API errors, the seconds for flood waits) and
/// returns the exit code.
int reportError(Context &ctx, const ApiError &error);

/// Runs the event loop until the job has finished.
void waitFor(ApiJob *job);

/// The token to act with: --token, $TELEGRAPH_ACCESS_TOKEN, or the saved --account. Prints the
/// error and returns false (exit code in *exitCode) when there is none.
bool resolveToken(Context &ctx, QString &token, int *exitCode);

/// The store shared with the desktop app: reads find a token in the keychain or the 0600 file;
/// writes go to the keychain, or to the file when `backend` is "file".
std::unique_ptr<SharedSecretStore> secretStoreFor(const QString &backend);
/// The path of the 0600 token file used with --insecure-store.
QString insecureTokenFile();

/// A client configured from the global options with the token resolved (when needed).
/// Prints the error and returns null (exit code in *exitCode) on failure.
std::unique_ptr<TelegraphClient> makeClient(Context &ctx, bool needToken, int *exitCode);

/// A page as the API's JSON object (field order of the real server).
QByteArray pageToJson(const Page &page);
/// An account as the API's JSON object (only the fields that are set).
QByteArray accountToJson(const Account &account);
/// Prints JSON indented (readable) or compact (--json) followed by a newline.
void printJson(Context &ctx, const QByteArray &json);

/// Reads a whole file, or standard input for "-"; false with a message on failure.
bool readInput(Context &ctx, const QString &path, QByteArray &out, QString *error);

} // namespace tg::cli
