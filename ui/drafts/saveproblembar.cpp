// SPDX-License-Identifier: MIT
#include "drafts/saveproblembar.h"

#include "storage/draftstore.h"
#include "storage/privatefiles.h"
#include "workflow/draftsession.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

namespace tg {

SaveProblemBar::SaveProblemBar(DraftStore *store, DraftSession *session, QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_session(session)
    , m_label(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_otherFolder(new QPushButton(tr("Choose Another Data Folder…"), this))
    , m_saveAs(new QPushButton(tr("Save Text As File…"), this))
{
    setObjectName(QStringLiteral("saveProblemBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
    p.setColor(QPalette::WindowText, QColor(0x60, 0x10, 0x10));
    setPalette(p);
    m_label->setObjectName(QStringLiteral("saveProblemText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_otherFolder);
    layout->addWidget(m_saveAs);
    connect(m_retry, &QPushButton::clicked, m_store, &DraftStore::retryNow);
    connect(m_otherFolder, &QPushButton::clicked, this, &SaveProblemBar::chooseFolder);
    connect(m_saveAs, &QPushButton::clicked, this, [this] { saveTextAs(); });
    connect(m_store, &DraftStore::saveFailed, this, &SaveProblemBar::showFailure);
    connect(m_store, &DraftStore::saveRecovered, this, &QWidget::hide);
    hide();
}

QString SaveProblemBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void SaveProblemBar::showFailure(const QString &message)
{
    m_label->setText(tr("Your text is not saved: the drafts database %1 cannot be written (%2). "
                        "It is kept in memory and saving is retried automatically. Free some "
                        "space or fix the file's permissions, choose another data folder, or "
                        "save the text as a file.")
                         .arg(QDir::toNativeSeparators(m_store->path()), message));
    show();
}

bool SaveProblemBar::saveTextTo(const QString &path, QString *error)
{
    m_session->saveNow();
    const Draft open = m_session->draft();
    QString text = open.body;
    // Other drafts whose text is not on disk either go into the same file, each under its title.
    for (const Draft &d : m_store->unsavedDrafts()) {
        if (d.id == open.id)
            continue;
        text += QStringLiteral("\n\n---\n\n") +
                (d.title.isEmpty() ? tr("Untitled draft") : d.title) + QStringLiteral("\n\n") +
                d.body;
    }
    const QByteArray data = text.toUtf8();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = tr("Cannot save the text to %1: %2")
                         .arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

bool SaveProblemBar::saveTextAs()
{
    const Draft d = m_session->draft();
    const QString suffix =
        d.format == DraftFormat::Html ? QStringLiteral(".html") : QStringLiteral(".md");
    const QString path = QFileDialog::getSaveFileName(
        window(), tr("Save Text As File"),
        QDir::home().filePath((d.title.isEmpty() ? tr("Untitled draft") : d.title) + suffix));
    if (path.isEmpty())
        return false;
    QString error;
    if (!saveTextTo(path, &error)) {
        QMessageBox::warning(window(), tr("Save Text As File"), error);
        return false;
    }
    return true;
}

bool SaveProblemBar::useFolder(const QString &dir, QString *error)
{
    m_session->saveNow(); // the newest keystrokes go to the new place too
    QString problem;
    const QString path = QDir(dir).filePath(QStringLiteral("drafts.sqlite"));
    if (!makePrivateDir(dir, &problem) || !makePrivateFile(path, &problem) ||
        !m_store->relocate(path, &problem)) {
        if (error)
            *error =
                tr("Drafts cannot be saved in %1: %2").arg(QDir::toNativeSeparators(dir), problem);
        return false;
    }
    if (!m_store->isFailing())
        hide();
    Q_EMIT relocated(path);
    return true;
}

void SaveProblemBar::chooseFolder()
{
    const QString dir =
        QFileDialog::getExistingDirectory(window(), tr("Choose Another Data Folder"));
    if (dir.isEmpty())
        return;
    QString error;
    if (!useFolder(dir, &error))
        QMessageBox::warning(window(), tr("Choose Another Data Folder"), error);
}

bool SaveProblemBar::confirmQuit()
{
    m_session->saveNow();
    if (m_store->flush())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Text not saved"),
                    tr("%n draft(s) could not be saved to %1 (%2). Save the text as a file before "
                       "quitting, or it is lost.",
                       nullptr, int(m_store->unsavedDrafts().size()))
                        .arg(QDir::toNativeSeparators(m_store->path()), m_store->lastError()),
                    QMessageBox::Discard | QMessageBox::Cancel, window());
    box.setObjectName(QStringLiteral("unsavedQuitQuestion"));
    QPushButton *saveAs = box.addButton(tr("Save As File…"), QMessageBox::AcceptRole);
    box.setDefaultButton(saveAs);
    box.exec();
    if (box.clickedButton() == saveAs)
        return saveTextAs();
    return box.standardButton(box.clickedButton()) == QMessageBox::Discard;
}

} // namespace tg
