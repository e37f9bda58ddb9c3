// SPDX-License-Identifier: MIT
#pragma once

#include "api/imagehost.h"

namespace tg {

/// Settings of a command image host: a program (no shell) and its arguments.
struct CommandUploadSettings
{
    QString program;
    /// Arguments; "{file}" is replaced by the file path, which is appended when no argument
    /// mentions it (the PicGo/PicList "upload <file>" convention).
    QStringList arguments;
    int timeoutMs = 120000;
};

/// Runs a user command with the file path; the command uploads the file and prints the URL as
/// the last non-empty line of its standard output.
class CommandUploadHost : public ImageHost
{
    Q_OBJECT
public:
    explicit CommandUploadHost(const CommandUploadSettings &settings, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("command"); }
    UploadJob *upload(const QString &filePath) override;

    /// Parses "program arg 'quoted arg'" into settings (QProcess::splitCommand rules).
    static CommandUploadSettings fromCommandLine(const QString &commandLine);

private:
    CommandUploadSettings m_settings;
};

} // namespace tg
