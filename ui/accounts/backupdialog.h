// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>

#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tg {

class AccountBackup;
class TelegraphClient;

/// Backs up an account into a folder the user picks (see AccountBackup: Markdown or HTML and
/// node JSON per page, an index, the image URLs), with progress and cancel. An interrupted backup
/// in the folder is resumed; closing the dialog stops the backup and keeps what is done.
class BackupDialog : public QDialog
{
    Q_OBJECT
public:
    /// `client` is not owned; the backup uses the client's token (the account's: the dialog is
    /// modal, so the current account does not change while it is open).
    BackupDialog(TelegraphClient *client, const QString &accountName,
                 const QString &suggestedFolder, QWidget *parent = nullptr);
    ~BackupDialog() override;

    /// Pages an interrupted backup in `folder` already saved (0 when there is none).
    static int resumablePages(const QString &folder);

    /// How a folder is opened at the end (default QDesktopServices); tests replace it.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }

    QLineEdit *folderEdit() const { return m_folder; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *openFolderButton() const { return m_openFolder; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *resumeLabel() const { return m_resume; }
    /// The running backup, or null.
    AccountBackup *backup() const;

public Q_SLOTS:
    /// Checks the folder and starts (or resumes) the backup.
    void start();
    /// Stops the backup; what is done stays done and the next start resumes.
    void cancel();

Q_SIGNALS:
    /// The backup ended; `message` is what the dialog shows.
    void finished(bool ok, const QString &message);

protected:
    void done(int result) override;

private:
    void updateResumeNote();
    void onFinished();
    void setRunning(bool running);

    TelegraphClient *m_client;
    QString m_account;
    QPointer<AccountBackup> m_backup;
    QLineEdit *m_folder;
    QPushButton *m_choose;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_openFolder;
    QPushButton *m_close;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_resume;
    std::function<void(const QUrl &)> m_openUrl;
};

} // namespace tg
