// SPDX-License-Identifier: MIT
#include "window/mainwindow.h"

#include "api/imagehost.h"
#include "api/imagehostconfig.h"
#include "api/telegraphclient.h"
#include "content/htmlimport.h"
#include "content/htmlwriter.h"
#include "drafts/draftspanel.h"
#include "drafts/revisionsdialog.h"
#include "drafts/saveproblembar.h"
#include "editor/editorpane.h"
#include "editor/findbar.h"
#include "editor/imagedrophandler.h"
#include "editor/sourceeditor.h"
#include "editor/spellingcontroller.h"
#include "editor/typewriterscroll.h"
#include "pages/pagecache.h"
#include "preview/contentmeter.h"
#include "preview/previewpane.h"
#include "preview/previewprivacy.h"
#include "settings/settingschange.h"
#include "settings/settingsdialog.h"
#include "storage/draftstore.h"
#include "window/aboutdialog.h"
#include "window/busyindicator.h"
#include "window/draftsourcefiles.h"
#include "window/focusmode.h"
#include "window/layoutmode.h"
#include "window/messagearea.h"
#include "window/privatelinkoption.h"
#include "window/publishcontroller.h"
#include "window/publishfolderdialog.h"
#include "window/publishnotes.h"
#include "window/recentfiles.h"
#include "window/searchdialog.h"
#include "window/shortcutsdialog.h"
#include "window/templateactions.h"
#include "window/userguidedialog.h"
#include "window/windowlayout.h"
#include "window/windowmenus.h"
#include "window/writingstatus.h"
#include "workflow/draftfiles.h"
#include "workflow/draftsession.h"
#include "workflow/previewscheduler.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHostAddress>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

namespace tg {

MainWindow::MainWindow(DraftStore *store, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_settings(settings)
    , m_session(new DraftSession(store, this))
    , m_editor(new EditorPane(this))
    , m_preview(new PreviewPane(this))
    , m_meter(new ContentMeter(this))
    , m_publishBar(new MessageArea(this))
    , m_saveProblem(new SaveProblemBar(store, m_session, this))
    , m_drafts(new DraftsPanel(store, this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_previewSide(new QWidget(this))
    , m_scheduler(new PreviewScheduler(this))
    , m_publishing(new PublishController(this, store, settings))
    , m_recent(std::make_unique<RecentFiles>(settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Telegraph Desktop"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/telegraph-desktop.svg")));
    m_editorSettings = EditorSettings::load(*m_settings);
    m_previewSettings = PreviewSettings::load(*m_settings);
    // Until the user picks a preview theme, the preview follows the system's light or dark look.
    if (followsSystemTheme())
        m_previewSettings.dark = systemPrefersDark();
    m_session->setAutosaveInterval(m_editorSettings.autosaveMs);
    m_editor->editor()->setFont(m_editorSettings.font);
    m_preview->setDark(m_previewSettings.dark);
    m_previewPrivacy = new PreviewPrivacy(store, m_preview, this);

    m_findBar = new FindBar(m_editor->editor(), this);
    // The writer's spelling words live next to the drafts database, in the data folder.
    m_spelling = new SpellingController(
        m_editor->editor(), m_store, m_settings,
        m_store->path().isEmpty()
            ? QString()
            : QFileInfo(m_store->path()).dir().filePath(PersonalDictionary::defaultFileName()),
        this);
    connect(m_spelling, &SpellingController::noteChanged, this, [this](const QString &note) {
        const QString key = QStringLiteral("spelling");
        if (note.isEmpty())
            m_publishBar->clearMessages(MessageScope::Draft, key);
        else
            m_publishBar->showMessage(note, false, MessageScope::Draft, key);
    });
    windowlayout::arrange(m_split, {m_saveProblem, m_editor, m_findBar, m_publishBar}, 1,
                          m_previewSide, {m_preview, m_meter});
    setCentralWidget(m_split);
    m_layoutMode = new LayoutMode(this, m_split, m_settings);
    statusBar()->addPermanentWidget(m_layoutMode->createSwitch(statusBar()));
    m_writing = new WritingStatus(m_editor, m_store, statusBar());
    statusBar()->insertPermanentWidget(0, m_writing);
    connect(m_writing, &WritingStatus::problem, this,
            [this](const QString &message) { m_publishBar->showMessage(message, true); });
    m_focus = new FocusMode(this, m_layoutMode, m_split, m_previewSide, m_editor);
    m_typewriter = new TypewriterScroll(m_editor->editor(), m_settings, this);

    addPanel(tr("Drafts"), m_drafts, Qt::LeftDockWidgetArea)
        ->setObjectName(QStringLiteral("draftsDock"));

    connect(m_editor, &EditorPane::edited, this, &MainWindow::onEdited);
    connect(m_editor, &EditorPane::pasteCleaned, this, [this](const QString &changes) {
        statusBar()->showMessage(changes.isEmpty()
                                     ? tr("Pasted as clean Telegraph content.")
                                     : tr("Pasted; the import changed: %1").arg(changes.left(300)),
                                 8000);
    });
    connect(m_editor, &EditorPane::markdownPastedIntoHtml, this, [this] {
        // An offer, not a change: the text stays as pasted whatever the writer chooses.
        m_publishBar->showMessage(
            tr("The pasted text looks like Markdown, but this draft is written in HTML: its "
               "marks show as typed."),
            false, MessageScope::Draft, QStringLiteral("format"),
            {tr("Switch to Markdown"), [this] {
                 m_editor->setFormat(DraftFormat::Markdown);
             }});
    });
    connect(m_editor, &EditorPane::pasteConverting, this,
            [this](bool busy) { showConverting(busy, tr("Converting the pasted content…")); });
    connect(m_scheduler, &PreviewScheduler::converted, this, &MainWindow::onConverted);
    connect(m_meter, &ContentMeter::issueActivated, m_editor->editor(), &SourceEditor::goTo);
    connect(m_meter, &ContentMeter::fieldActivated, this, [this](const QString &field) {
        if (field == QLatin1String("title"))
            m_editor->titleEdit()->setFocus();
    });
    connect(m_editor->editor()->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { m_preview->scrollToFraction(m_editor->editor()->scrollFraction()); });
    connect(m_drafts, &DraftsPanel::openRequested, this, &MainWindow::openDraft);
    connect(m_drafts, &DraftsPanel::draftRenamed, this,
            [this](const QString &id, const QString &title) {
                if (id != m_session->draft().id)
                    return;
                m_editor->titleEdit()->setText(title); // else autosave writes the old title back
                onEdited();
            });
    connect(m_drafts, &DraftsPanel::draftRemoved, this, [this](const QString &id) {
        if (id == m_session->draft().id)
            openLastDraft();
    });
    connect(m_publishing, &PublishController::publishFinished, this, &MainWindow::publishFinished);
    connect(m_publishing, &PublishController::pageOpened, this, &MainWindow::pageOpened);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::saveNow);

    m_templates = new TemplateActions(this, store);
    m_privateLink = new PrivateLinkOption(this, store);
    new PublishNotes(this, settings);
    WindowMenus::build(this);
    restoreLayout();
    setPreviewVisible(m_previewSettings.visible);
    // The preview's WebEngine starts after the window's first paint (see event()); a window
    // that is never shown starts it a little later anyway.
    QTimer::singleShot(1500, m_preview, &PreviewPane::start);
}

bool MainWindow::event(QEvent *event)
{
    const bool result = QMainWindow::event(event);
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        Q_EMIT firstPainted();
        QTimer::singleShot(0, m_preview, &PreviewPane::start);
    }
    return result;
}

MainWindow::~MainWindow()
{
    m_session->saveNow();
}

QDockWidget *MainWindow::addPanel(const QString &title, QWidget *panel, Qt::DockWidgetArea area)
{
    // Dock areas are physical: QMainWindow keeps a left area on the left even right to left.
    // The panels' areas are meant as the start and end sides, so they mirror with the layout.
    if (layoutDirection() == Qt::RightToLeft) {
        if (area == Qt::LeftDockWidgetArea)
            area = Qt::RightDockWidgetArea;
        else if (area == Qt::RightDockWidgetArea)
            area = Qt::LeftDockWidgetArea;
    }
    bool restored = false;
    QDockWidget *dock = windowlayout::addDock(this, m_viewMenu, title, panel, area, &restored);
    if (!restored)
        m_layoutMode->placeNewDock(dock);
    return dock;
}

void MainWindow::setPreviewVisible(bool visible)
{
    m_previewSide->setVisible(visible);
    m_previewSettings.visible = visible;
}

namespace {
const QString DirectionKey = QStringLiteral("window/direction");
QString directionName(Qt::LayoutDirection direction)
{
    return direction == Qt::RightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr");
}
} // namespace

void MainWindow::restoreLayout()
{
    // Saved dock places are physical sides: panels laid out in the other direction (layouts
    // saved before the direction was remembered were left to right) take their default,
    // mirrored places instead of staying on the wrong side.
    const QString saved = m_settings->value(DirectionKey, QStringLiteral("ltr")).toString();
    if (saved != directionName(layoutDirection())) {
        m_settings->remove(QStringLiteral("window/state"));
        m_settings->remove(QStringLiteral("layout/writeState"));
        m_settings->remove(QStringLiteral("layout/libraryState"));
    }
    windowlayout::restore(this, m_split, *m_settings);
    m_layoutMode->restore();
}

void MainWindow::saveLayout()
{
    m_focus->leave(); // the layout of before focus mode is the one to remember
    windowlayout::save(this, m_split, *m_settings);
    m_layoutMode->save();
    m_settings->setValue(DirectionKey, directionName(layoutDirection()));
    m_settings->setValue(QStringLiteral("drafts/last"), m_session->draft().id);
    const bool followSystem = followsSystemTheme();
    m_previewSettings.save(*m_settings);
    if (followSystem) // the theme stays the system's, only the visibility is remembered
        m_settings->remove(QStringLiteral("preview/dark"));
}

bool MainWindow::systemPrefersDark()
{
    return windowlayout::systemPrefersDark();
}

bool MainWindow::followsSystemTheme() const
{
    return !m_settings->contains(QStringLiteral("preview/dark"));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange && m_fullScreenAction)
        m_fullScreenAction->setChecked(isFullScreen());
    if (event->type() == QEvent::PaletteChange && followsSystemTheme() &&
        systemPrefersDark() != m_previewSettings.dark) {
        m_previewSettings.dark = systemPrefersDark();
        m_preview->setDark(m_previewSettings.dark);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveNow();
    // Text that is not on disk is not given up without asking.
    if (!m_store->flush() && !m_saveProblem->confirmQuit()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::saveNow()
{
    m_session->saveNow();
}

void MainWindow::openLastDraft()
{
    const QString last = m_settings->value(QStringLiteral("drafts/last")).toString();
    if (!last.isEmpty() && openDraft(last))
        return;
    const QList<Draft> all = m_store->drafts();
    if (!all.isEmpty() && openDraft(all.first().id))
        return;
    newDraft();
}

bool MainWindow::openDraft(const QString &id)
{
    if (id == m_session->draft().id && !id.isEmpty())
        return true;
    const std::optional<Draft> d = m_store->draft(id);
    if (!d || d->trashed)
        return false;
    loadIntoEditor(*d);
    return true;
}

void MainWindow::newDraft()
{
    // The format chosen in the settings, not the one of the draft that was open.
    Draft d = Draft::create(EditorSettings::load(*m_settings).newDraftFormat);
    const AuthorDefaults author = newDraftAuthor();
    d.authorName = author.name;
    d.authorUrl = author.url;
    loadIntoEditor(d);
}

AuthorDefaults MainWindow::newDraftAuthor() const
{
    return AuthorDefaults::load(*m_settings).overriddenBy(m_accountAuthor);
}

void MainWindow::setAccountAuthor(const QString &name, const QString &url)
{
    m_accountAuthor = AuthorDefaults{name, url};
    updatePublishText();
}

void MainWindow::updatePublishText()
{
    if (!m_publishAction)
        return;
    const QString name = m_accountAuthor.name.trimmed();
    QString text;
    if (m_localServer)
        text = name.isEmpty() ? tr("&Publish to the Local Sandbox")
                              : tr("&Publish to the Local Sandbox as %1").arg(name);
    else
        text = name.isEmpty() ? tr("&Publish / update") : tr("&Publish as %1").arg(name);
    m_publishAction->setText(text);
    m_publishAction->setToolTip(QString(text).remove(QLatin1Char('&')));
}

void MainWindow::editPage(const QString &pathOrUrl)
{
    m_publishing->editPage(pathOrUrl);
}

void MainWindow::loadIntoEditor(const Draft &d)
{
    // What was said about the previous draft goes with it.
    m_publishBar->clearScope(MessageScope::Draft);
    m_meter->setErrorsAsked(false);
    m_spelling->setDraft(d.id);
    m_session->open(d);
    m_previewPrivacy->setDraft(d.id);
    m_editor->loadDraft(d);
    m_writing->setDraft(d.id);
    m_drafts->setCurrentDraft(d.id);
    m_settings->setValue(QStringLiteral("drafts/last"), d.id);
    m_editor->editor()->setFocus(Qt::OtherFocusReason);
    m_editor->editor()->moveCursor(QTextCursor::End);
    requestConversion();
}

void MainWindow::onEdited()
{
    Draft d = m_session->draft();
    m_editor->fillDraft(d);
    const bool firstSave = !m_session->isDirty() && !m_store->draft(d.id).has_value();
    m_session->update(d);
    m_drafts->showTypedTitle(d.id, d.title);
    if (firstSave) {
        // A new draft becomes a stored draft with its first keystroke.
        m_session->saveNow();
        m_drafts->refresh();
    }
    requestConversion();
}

void MainWindow::requestConversion()
{
    ConversionInput in;
    in.serial = ++m_serial;
    in.title = m_editor->title();
    in.authorName = m_editor->authorName();
    in.authorUrl = m_editor->authorUrl();
    in.body = m_editor->body();
    in.format = m_editor->format();
    m_scheduler->request(in);
}

void MainWindow::onConverted(const ConversionResult &result)
{
    m_lastResult = result;
    if (result.publishable())
        m_meter->setErrorsAsked(false); // errors asked for by a refused publish are resolved
    m_meter->setResult(result);
    m_preview->showArticle(result.serial, m_editor->title(), m_editor->authorName(),
                           m_editor->authorUrl(), result.blocks);
    Q_EMIT contentConverted(result.serial);
}

void MainWindow::setClient(TelegraphClient *client)
{
    m_publishing->setClient(client);
    m_localServer = false;
    if (client) {
        const QString host = client->settings().apiUrl.host();
        m_localServer = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    }
    updatePublishText();
}

void MainWindow::setImageDropHandler(ImageDropHandler *handler)
{
    m_imageDrop = handler;
}

QList<int> MainWindow::insertImageFiles(const QStringList &paths)
{
    if (!m_imageDrop) {
        m_publishBar->showMessage(tr("Images cannot be uploaded: no image host is set up."), true);
        return {};
    }
    return m_imageDrop->insertFiles(paths, m_editor->editor()->textCursor());
}

QString MainWindow::sourceFile() const
{
    return DraftSourceFiles(m_settings).path(m_session->draft().id);
}

bool MainWindow::saveDraftAndFile(QString *error)
{
    saveNow();
    const bool stored = m_store->flush(); // a failed write shows in the save problem bar
    const QString path = sourceFile();
    if (path.isEmpty())
        return stored;
    Draft d = m_session->draft();
    m_editor->fillDraft(d);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool htmlFile = suffix == QLatin1String("html") || suffix == QLatin1String("htm");
    // The file keeps the language it was written in: the source as it is when that matches.
    const QByteArray data = (d.format == DraftFormat::Html) == htmlFile
                                ? d.body.toUtf8()
                                : DraftFiles::exportData(d, path);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        const QString message =
            tr("%1 could not be written: %2. The text is kept in the app; use File → Export… "
               "to save it elsewhere.")
                .arg(QDir::toNativeSeparators(path), f.errorString());
        m_publishBar->showMessage(message, true);
        if (error)
            *error = message;
        return false;
    }
    return stored;
}

QStringList MainWindow::recentFiles() const
{
    return m_recent->files();
}

bool MainWindow::openRecentFile(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        m_recent->remove(path);
        m_publishBar->showMessage(tr("%1 no longer exists; it was removed from the recent files.")
                                      .arg(QDir::toNativeSeparators(path)),
                                  true);
        return false;
    }
    QString error;
    if (!importPath(path, &error)) {
        m_publishBar->showMessage(error, true);
        return false;
    }
    return true;
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QString label = QFileInfo(path).fileName();
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *a =
            m_recentMenu->addAction(i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(label) : label);
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setData(path);
        connect(a, &QAction::triggered, this, [this, path] { openRecentFile(path); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"));
    clear->setObjectName(QStringLiteral("clearRecentFiles"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] { m_recent->clear(); });
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showUserGuide()
{
    auto *dialog = new UserGuideDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::publish()
{
    m_publishing->publish();
}

void MainWindow::publishAsSeries()
{
    m_publishing->publishAsSeries();
}

void MainWindow::openPage(const QString &pathOrUrl)
{
    m_publishing->openPage(pathOrUrl);
}

void MainWindow::publishFolder(const QString &folder)
{
    TelegraphClient *client = m_publishing->client();
    if (!client) {
        m_publishBar->showMessage(tr("Publishing a folder needs a server: choose one first."),
                                  true);
        return;
    }
    auto *dialog = new PublishFolderDialog(client, nullptr, m_store, m_settings, this);
    dialog->setObjectName(QStringLiteral("publishFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString error;
    std::unique_ptr<ImageHost> host =
        createImageHost(ImageHostConfig::load(*m_settings), client->networkManager(),
                        client->settings().effectiveSiteUrl(), &error, m_secretStore);
    if (!host)
        m_publishBar->showMessage(
            tr("The image host in the settings cannot be used (%1); local images of the folder "
               "cannot be uploaded until it is fixed in Settings → Images.")
                .arg(error),
            true);
    dialog->adoptImageHost(std::move(host));
    connect(dialog, &PublishFolderDialog::draftLinked, this,
            [this](const QString &id, const QString &path, const QString &url) {
                // The open draft keeps its page too (the session would save it without).
                if (m_session->draft().id == id)
                    m_session->setPage(path, url);
                updatePublishText();
            });
    connect(dialog, &PublishFolderDialog::publishFinished, this, [this] { m_drafts->refresh(); });
    if (!folder.isEmpty())
        dialog->setFolder(folder);
    dialog->open();
}

RevisionsDialog *MainWindow::showRevisions()
{
    auto *dialog = new RevisionsDialog(m_store, m_session->draft().id, m_editor->body(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RevisionsDialog::restoreRequested, this, &MainWindow::restoreRevision);
    dialog->open();
    return dialog;
}

SearchDialog *MainWindow::searchDialog() const
{
    return m_search;
}

void MainWindow::showSearch()
{
    if (!m_search)
        m_search = new SearchDialog(this, m_store, this);
    // The page cache lives next to the drafts database (both in the data folder).
    const QString drafts = m_store->path();
    m_search->setFiles(
        drafts, drafts.isEmpty() ? QString()
                                 : QFileInfo(drafts).dir().filePath(PageCache::defaultFileName()));
    m_search->activate();
}

void MainWindow::restoreRevision(const Revision &r)
{
    m_editor->replaceContent(r.title, r.format, r.body);
    onEdited();
}

void MainWindow::importFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import"), QString(),
        tr("Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!importPath(path, &error))
        QMessageBox::warning(this, tr("Import"), error);
}

bool MainWindow::importPath(const QString &path, QString *error, QStringList *warnings)
{
    const QString name = QFileInfo(path).fileName();
    const ImportResult imported = DraftFiles::importFile(path, [this, name](bool busy) {
        showConverting(busy, busy ? tr("Importing %1…").arg(name) : QString());
    });
    if (!imported.ok) {
        if (error)
            *error = imported.error;
        return false;
    }
    if (warnings)
        *warnings = imported.warnings;
    m_store->save(imported.draft);
    // Saving the draft writes the file too; File → Recent Files offers it again.
    DraftSourceFiles(m_settings).set(imported.draft.id, QFileInfo(path).absoluteFilePath());
    m_recent->add(path);
    loadIntoEditor(imported.draft);
    m_publishBar->clearOperation(MessageArea::openOperation()); // an earlier failed open is over
    if (!imported.warnings.isEmpty())
        m_publishBar->showMessage(tr("The HTML was adapted to what Telegraph accepts: %1")
                                      .arg(imported.warnings.join(QStringLiteral("; "))),
                                  false, MessageScope::Draft, QStringLiteral("import"));
    return true;
}

void MainWindow::showConverting(bool busy, const QString &message)
{
    if (!m_convertingIndicator)
        m_convertingIndicator = new BusyIndicator(statusBar());
    m_convertingIndicator->setBusy(busy, message);
}

void MainWindow::exportDraft()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export"), m_editor->title(),
        tr("Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export"), error);
}

bool MainWindow::exportTo(const QString &path, QString *error)
{
    Draft draft;
    draft.title = m_editor->title();
    draft.authorName = m_editor->authorName();
    draft.authorUrl = m_editor->authorUrl();
    draft.body = m_editor->body();
    draft.format = m_editor->format();
    const QString failure = DraftFiles::exportDraft(draft, path);
    if (failure.isEmpty())
        return true;
    if (error)
        *error = failure;
    return false;
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(*m_settings, this);
    dialog.setSecretStore(m_secretStore);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingsChange change = SettingsChange::save(dialog, *m_settings, systemPrefersDark());
    m_editorSettings = change.editor;
    m_previewSettings.dark = change.previewDark;
    m_editor->editor()->setFont(m_editorSettings.font);
    m_session->setAutosaveInterval(m_editorSettings.autosaveMs);
    m_preview->setDark(m_previewSettings.dark);
    statusBar()->showMessage(change.message(), 8000);
    Q_EMIT settingsSaved();
}

} // namespace tg
