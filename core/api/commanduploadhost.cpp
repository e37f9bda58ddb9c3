// SPDX-License-Identifier: MIT
#include "api/commanduploadhost.h"

#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace tg {

CommandUploadHost::CommandUploadHost(const CommandUploadSettings &settings, QObject *parent)
    : ImageHost(parent)
    , m_settings(settings)
{}

CommandUploadSettings CommandUploadHost::fromCommandLine(const QString &commandLine)
{
    CommandUploadSettings s;
    QStringList words = QProcess::splitCommand(commandLine);
    if (!words.isEmpty())
        s.program = words.takeFirst();
    s.arguments = words;
    return s;
}

UploadJob *CommandUploadHost::upload(const QString &filePath)
{
    using C = ApiError::Category;
    auto *job = new UploadJob(filePath, name(), this);
    const auto info = prepare(job);
    if (!info)
        return job;
    if (m_settings.program.isEmpty()) {
        job->failLater(ApiError::make(C::Validation, tr("No upload command is configured")));
        return job;
    }
    const QString absolute = QFileInfo(filePath).absoluteFilePath();
    QStringList args;
    bool mentioned = false;
    for (QString a : m_settings.arguments) {
        if (a.contains(QLatin1String("{file}"))) {
            a.replace(QLatin1String("{file}"), absolute);
            mentioned = true;
        }
        args.append(a);
    }
    if (!mentioned)
        args.append(absolute);

    auto *process = new QProcess(job);
    process->setProgram(m_settings.program);
    process->setArguments(args);
    const qint64 total = info->size;
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    job->markRunning();
    job->setAbortHandler([process] {
        QObject::disconnect(process, nullptr, nullptr, nullptr);
        process->kill();
        process->waitForFinished(1000);
    });
    const int timeoutMs = m_settings.timeoutMs;
    connect(timer, &QTimer::timeout, job, [job, process, timeoutMs] {
        QObject::disconnect(process, nullptr, job, nullptr);
        process->kill();
        job->setAbortHandler(nullptr);
        job->failWith(ApiError::make(
            C::Timeout, tr("The upload command did not finish within %1 s").arg(timeoutMs / 1000)));
    });
    connect(process, &QProcess::errorOccurred, job, [job, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        job->setAbortHandler(nullptr);
        job->failWith(ApiError::make(C::Validation,
                                     tr("Cannot run the upload command %1: %2")
                                         .arg(process->program(), process->errorString()),
                                     QStringLiteral("COMMAND_NOT_STARTED")));
    });
    connect(
        process, &QProcess::finished, job,
        [job, process, timer, total](int exitCode, QProcess::ExitStatus status) {
            timer->stop();
            job->setAbortHandler(nullptr);
            const QString out = QString::fromUtf8(process->readAllStandardOutput());
            const QString err = QString::fromUtf8(process->readAllStandardError()).trimmed();
            if (status != QProcess::NormalExit || exitCode != 0) {
                const QString last = err.section(QLatin1Char('\n'), -1).trimmed();
                job->failWith(ApiError::make(
                    C::Api,
                    tr("The upload command failed (exit code %1)%2")
                        .arg(exitCode)
                        .arg(last.isEmpty() ? QString() : QStringLiteral(": ") + last),
                    QStringLiteral("COMMAND_FAILED")));
                return;
            }
            QString line;
            const QStringList lines = out.split(QLatin1Char('\n'));
            for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
                if (!it->trimmed().isEmpty()) {
                    line = it->trimmed();
                    break;
                }
            }
            const QUrl url(line, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
                job->failWith(ApiError::make(
                    C::Protocol,
                    tr("The upload command printed no URL on its last line (got '%1')")
                        .arg(line.left(200)),
                    QStringLiteral("COMMAND_NO_URL")));
                return;
            }
            job->reportProgress(total, total);
            job->succeedWith(url);
        });
    timer->start(m_settings.timeoutMs);
    process->start();
    QTimer::singleShot(0, job, [job, total] {
        if (!job->isFinished())
            job->reportProgress(0, total);
    });
    return job;
}

} // namespace tg
