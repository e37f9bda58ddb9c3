// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace tg {

class DraftSession;
class DraftStore;

/// A bar above the editor that appears as soon as a draft cannot be saved: what failed, the
/// database file, and what the writer can do (retry now, continue in another data folder, save
/// the text as a file). The text stays in memory and the store retries on its own; the bar hides
/// once a save succeeds. Also asks before quitting with text that is not on disk.
class SaveProblemBar : public QFrame
{
    Q_OBJECT
public:
    SaveProblemBar(DraftStore *store, DraftSession *session, QWidget *parent = nullptr);

    QString text() const;
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *otherFolderButton() const { return m_otherFolder; }
    QPushButton *saveAsButton() const { return m_saveAs; }

    /// Writes every text that is not on disk (the open draft first, as typed) into path; false
    /// with a message naming the file when it cannot be written.
    bool saveTextTo(const QString &path, QString *error = nullptr);
    /// Continues saving drafts into drafts.sqlite in this folder (created private when missing),
    /// starting with what the current database still gives.
    bool useFolder(const QString &dir, QString *error = nullptr);
    /// Before quitting: true when nothing would be lost, or the writer saved the text as a file
    /// or chose to discard it; false to keep the window open.
    bool confirmQuit();

Q_SIGNALS:
    /// Drafts are now saved into this database file.
    void relocated(const QString &path);

private:
    void showFailure(const QString &message);
    void chooseFolder();
    /// Asks for a file and saves the unsaved text into it; false when cancelled or failed.
    bool saveTextAs();

    DraftStore *m_store;
    DraftSession *m_session;
    QLabel *m_label = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_otherFolder = nullptr;
    QPushButton *m_saveAs = nullptr;
};

} // namespace tg
