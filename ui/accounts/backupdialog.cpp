// SPDX-License-Identifier: MIT
#include "accounts/backupdialog.h"

#include "api/apierror.h"
#include "pages/accountbackup.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryFile>
#include <QUrl>
#include <QVBoxLayout>

namespace tg {

namespace {

/// Why a folder cannot take a backup, or empty.
QString folderProblem(const QString &folder)
{
    if (folder.trimmed().isEmpty())
        return BackupDialog::tr("Choose a folder for the backup.");
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return BackupDialog::tr("%1 is a file, not a folder.").arg(folder);
    // The nearest existing ancestor must be a writable folder.
    QFileInfo existing = info;
    while (!existing.exists() && existing.absoluteFilePath() != existing.absolutePath())
        existing = QFileInfo(existing.absolutePath());
    if (!existing.isDir())
        return BackupDialog::tr("%1 cannot be created: %2 is not a folder.")
            .arg(folder, existing.absoluteFilePath());
    if (!QDir().mkpath(folder))
        return BackupDialog::tr("%1 cannot be created (no permission?).").arg(folder);
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".write-test-XXXXXX")));
    if (!probe.open())
        return BackupDialog::tr("%1 is not writable.").arg(folder);
    return QString();
}

} // namespace

BackupDialog::BackupDialog(TelegraphClient *client, const QString &accountName,
                           const QString &suggestedFolder, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_account(accountName)
    , m_folder(new QLineEdit(suggestedFolder, this))
    , m_choose(new QPushButton(tr("C&hoose…"), this))
    , m_start(new QPushButton(tr("&Start Backup"), this))
    , m_cancel(new QPushButton(tr("&Stop"), this))
    , m_openFolder(new QPushButton(tr("&Open Folder"), this))
    , m_close(new QPushButton(tr("&Close"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_resume(new QLabel(this))
    , m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    setWindowTitle(tr("Back Up Account %1").arg(accountName));
    auto *intro = new QLabel(
        tr("Saves every page of %1 into the folder: Markdown (HTML where Markdown would lose "
           "something) and node JSON per page, an index with titles, links and views, and the "
           "list of image links. An interrupted backup resumes where it stopped.")
            .arg(accountName),
        this);
    intro->setWordWrap(true);
    m_folder->setAccessibleName(tr("Backup folder"));
    m_progress->setAccessibleName(tr("Backup progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_resume->setWordWrap(true);
    m_cancel->setEnabled(false);
    m_openFolder->setEnabled(false);
    m_start->setDefault(true);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_choose);
    auto *form = new QFormLayout;
    form->addRow(tr("Folder:"), folderRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openFolder);
    buttons->addStretch();
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_resume);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_choose, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Backup Folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_folder, &QLineEdit::textChanged, this, &BackupDialog::updateResumeNote);
    connect(m_start, &QPushButton::clicked, this, &BackupDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &BackupDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { m_openUrl(QUrl::fromLocalFile(m_folder->text().trimmed())); });
    updateResumeNote();
}

BackupDialog::~BackupDialog()
{
    if (m_backup)
        m_backup->cancel();
}

AccountBackup *BackupDialog::backup() const
{
    return m_backup;
}

int BackupDialog::resumablePages(const QString &folder)
{
    QFile f(QDir(folder).filePath(AccountBackup::progressFileName()));
    if (folder.isEmpty() || !f.open(QIODevice::ReadOnly))
        return 0;
    // One complete line (ending in a newline) per saved page.
    return int(f.readAll().count('\n'));
}

void BackupDialog::updateResumeNote()
{
    const int done = resumablePages(m_folder->text().trimmed());
    m_resume->setVisible(done > 0);
    m_resume->setText(tr("An interrupted backup is in this folder; it will be resumed (%n "
                         "page(s) already saved).",
                         nullptr, done));
}

void BackupDialog::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_folder->setEnabled(!running);
    m_choose->setEnabled(!running);
    m_cancel->setEnabled(running);
}

void BackupDialog::start()
{
    if (m_backup)
        return;
    const QString folder = QDir::cleanPath(m_folder->text().trimmed());
    const QString problem = folderProblem(folder);
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        Q_EMIT finished(false, problem);
        return;
    }
    BackupOptions options;
    options.directory = folder;
    m_backup = new AccountBackup(m_client, options, this);
    connect(m_backup, &AccountBackup::listed, this, [this](int total, int alreadyDone) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(alreadyDone);
        m_status->setText(
            alreadyDone > 0
                ? tr("%n page(s) to back up; resuming after %1 already saved.", nullptr, total)
                      .arg(alreadyDone)
                : tr("%n page(s) to back up.", nullptr, total));
    });
    connect(m_backup, &AccountBackup::progress, this, [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
        const int earlier = m_backup ? m_backup->skippedPages() : 0;
        const int html = m_backup ? m_backup->htmlPages() : 0;
        m_status->setText(earlier > 0 || html > 0
                              ? tr("Saved %1 of %n page(s) (%2 from the earlier run, %3 as "
                                   "HTML)…",
                                   nullptr, total)
                                    .arg(done)
                                    .arg(earlier)
                                    .arg(html)
                              : tr("Saved %1 of %n page(s)…", nullptr, total).arg(done));
    });
    connect(m_backup, &AccountBackup::finished, this, &BackupDialog::onFinished);
    setRunning(true);
    m_openFolder->setEnabled(false);
    m_progress->setRange(0, 0); // busy until the list is known
    m_status->setText(tr("Reading the page list…"));
    m_backup->start();
}

void BackupDialog::cancel()
{
    if (m_backup)
        m_backup->cancel();
}

void BackupDialog::onFinished()
{
    AccountBackup *b = m_backup;
    if (!b)
        return;
    m_backup.clear();
    b->deleteLater();
    setRunning(false);
    m_openFolder->setEnabled(true);
    const ApiError &e = b->error();
    QString message;
    bool ok = false;
    if (!e.isError()) {
        ok = true;
        m_progress->setRange(0, qMax(1, b->totalPages()));
        m_progress->setValue(b->totalPages());
        message = tr("Backup complete: %n page(s)", nullptr, b->totalPages());
        if (b->skippedPages() > 0)
            message += tr(" (resumed: %n already saved before)", nullptr, b->skippedPages());
        message += QLatin1Char('.');
        if (b->htmlPages() > 0)
            message += QLatin1Char(' ') + tr("%n page(s) saved as HTML because Markdown would "
                                             "lose something.",
                                             nullptr, b->htmlPages());
    } else if (e.category == ApiError::Category::Cancelled) {
        message = tr("Stopped. %n page(s) are saved; Start resumes the backup.", nullptr,
                     resumablePages(m_folder->text().trimmed()));
    } else {
        message = tr("The backup stopped: %1. What is saved stays; Start resumes it.")
                      .arg(e.message.isEmpty() ? e.toString() : e.message);
    }
    m_status->setText(message);
    updateResumeNote();
    Q_EMIT finished(ok, message);
}

void BackupDialog::done(int result)
{
    // Closing stops a running backup; what is saved stays for the next run.
    if (m_backup)
        m_backup->cancel();
    QDialog::done(result);
}

} // namespace tg
