// SPDX-License-Identifier: MIT
#pragma once

#include "settings/uisettings.h"
#include "storage/draft.h"
#include "workflow/appsettings.h"
#include "workflow/contentconverter.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QSettings;
class QSplitter;
class QDockWidget;

namespace tg {

class BusyIndicator;
class ContentMeter;
class DraftSession;
class DraftStore;
class DraftsPanel;
class EditorPane;
class FocusMode;
class LayoutMode;
class FindBar;
class ImageDropHandler;
class RecentFiles;
class PreviewPrivacy;
class PreviewScheduler;
class PreviewPane;
class PrivateLinkOption;
class MessageArea;
class PublishController;
class RevisionsDialog;
class SearchDialog;
class SaveProblemBar;
class SpellingController;
class SecretStore;
class TelegraphClient;
class TypewriterScroll;
class WritingStatus;
class TemplateActions;
struct PublishResult;
struct Revision;

/// The app's window: a thin shell that composes the editor, the live preview with its content
/// meter, the drafts dock and the message area, and wires menus and shortcuts to them. Further
/// panels (account, page list) are added with addPanel().
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(DraftStore *store, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the most recently edited draft, or a new one, and puts the cursor in the editor.
    void openLastDraft();
    /// Opens a stored draft by id; false when it does not exist.
    bool openDraft(const QString &id);
    /// Starts a new empty draft (stored from its first keystroke).
    void newDraft();
    /// Saves the open draft now (queued to the store's worker).
    void saveNow();

    /// Publishes, updates and opens pages through this client (not owned; null: no server).
    void setClient(TelegraphClient *client);
    /// Publishes or updates the open draft (see PublishController); refused with the reason
    /// while the content is invalid.
    void publish();
    /// Fetches a page by URL or path and opens it as a new draft.
    void openPage(const QString &pathOrUrl);
    /// Imports a Markdown or HTML file as a new draft and opens it. HTML goes through the lenient
    /// import; what it had to change is shown in the publish bar and returned in warnings.
    /// False with a message when the file cannot be read.
    bool importPath(const QString &path, QString *error = nullptr, QStringList *warnings = nullptr);
    /// Writes the open draft to path as Markdown (.md), HTML (.html/.htm) or Telegraph node JSON
    /// (.json); false with a message on failure.
    bool exportTo(const QString &path, QString *error = nullptr);
    /// Where the settings dialog keeps the secrets typed into it (not owned).
    void setSecretStore(SecretStore *store) { m_secretStore = store; }
    /// Publishes or updates the open draft as a series (see SeriesFlow); the pages are
    /// remembered per draft, so a later call edits the same pages.
    void publishAsSeries();
    /// File → Publish Folder…: opens the folder publishing dialog (on `folder` when given), with
    /// the image host from the settings; each file's draft is left linked to its page.
    void publishFolder(const QString &folder = {});
    /// Shows the revisions of the open draft; returns the dialog (it deletes itself on close).
    RevisionsDialog *showRevisions();
    /// Edit → Find Everywhere: the search over drafts, revisions and the cached pages (the page
    /// cache next to the drafts database).
    void showSearch();
    /// The Find Everywhere dialog once it was shown (null before).
    SearchDialog *searchDialog() const;
    /// Puts a stored revision's text back into the editor (an ordinary, undoable edit).
    void restoreRevision(const Revision &revision);

    /// Adds a dockable panel (account, page list, …) and a View menu entry for it. The dock is
    /// named after the panel's objectName() (set it first) so its place is remembered.
    QDockWidget *addPanel(const QString &title, QWidget *panel,
                          Qt::DockWidgetArea area = Qt::LeftDockWidgetArea);
    /// Opens a page for editing: the draft it was published from when there is one, otherwise a
    /// new draft fetched from the server.
    void editPage(const QString &pathOrUrl);
    /// The author of new drafts while an account is current (its author name and link); empty
    /// values fall back to the defaults in the settings.
    void setAccountAuthor(const QString &name, const QString &url);
    /// The author fields a new draft gets.
    AuthorDefaults newDraftAuthor() const;
    /// Uploads images picked with File → Insert Image… through this handler, the one that takes
    /// dropped images (not owned; null: no image host).
    void setImageDropHandler(ImageDropHandler *handler);
    /// Inserts these image files at the editor's cursor and uploads them, as if dropped there;
    /// returns the uploads queued (none, with a message, without an image host).
    QList<int> insertImageFiles(const QStringList &paths);
    /// Saves the open draft and, when it was opened from a file, writes that file too (atomically,
    /// as Markdown or HTML like the file was); false with a message when either failed. The
    /// draft's text stays in the app either way.
    bool saveDraftAndFile(QString *error = nullptr);
    /// The file the open draft was opened from; empty when none.
    QString sourceFile() const;
    /// Opens a file of File → Recent Files; a file that is gone is removed from the list with a
    /// message saying so.
    bool openRecentFile(const QString &path);
    /// The files listed in File → Recent Files, newest first.
    QStringList recentFiles() const;
    /// File → Publish: its text names the account (and the local sandbox) it publishes to.
    QAction *publishAction() const { return m_publishAction; }
    /// Help → About, Keyboard Shortcuts and User Guide (F1); each dialog opens window-modal.
    void showAbout();
    void showShortcuts();
    void showUserGuide();
    /// The Account menu (filled by the account workspace).
    QMenu *accountMenu() const { return m_accountMenu; }
    QMenu *editMenu() const { return m_editMenu; }

    EditorPane *editorPane() const { return m_editor; }
    PreviewPane *preview() const { return m_preview; }
    /// The open draft's choice of remote images in the preview (View menu).
    PreviewPrivacy *previewPrivacy() const { return m_previewPrivacy; }
    /// Spell-checking in the editor (Edit → Spelling, the context menu's suggestions).
    SpellingController *spelling() const { return m_spelling; }
    ContentMeter *meter() const { return m_meter; }
    /// The message area: each running operation's line, and showMessage() for everyone.
    MessageArea *messages() const { return m_publishBar; }
    /// The message area under its former name.
    MessageArea *publishBar() const { return m_publishBar; }
    /// Publishing and opening pages: the flows behind publish(), publishAsSeries(), openPage().
    PublishController *publishing() const { return m_publishing; }
    DraftsPanel *draftsPanel() const { return m_drafts; }
    /// File → New from Template… and Save Draft as Template….
    TemplateActions *templateActions() const { return m_templates; }
    /// The "Private link" choice of a first publish (toolbar and File menu).
    PrivateLinkOption *privateLinkOption() const { return m_privateLink; }
    DraftSession *session() const { return m_session; }
    /// The bar that reports drafts that cannot be saved.
    SaveProblemBar *saveProblemBar() const { return m_saveProblem; }
    /// The newest conversion shown (what publishing would send).
    const ConversionResult &lastResult() const { return m_lastResult; }
    /// Serial of the newest edit; equal to lastResult().serial once the preview caught up.
    quint64 editSerial() const { return m_serial; }
    void setPreviewVisible(bool visible);
    /// The Write and Library layouts of the docks (View → Write / Library / Reset Layout).
    LayoutMode *layoutMode() const { return m_layoutMode; }
    /// The writing aids: the counts and word goal in the status bar, focus mode and typewriter
    /// scrolling (View menu).
    WritingStatus *writingStatus() const { return m_writing; }
    FocusMode *focusMode() const { return m_focus; }
    TypewriterScroll *typewriter() const { return m_typewriter; }
    /// Whether the window has painted once (the preview starts after that).
    bool hasPainted() const { return m_painted; }
    /// Whether the system's colours are dark (light text on a dark window).
    static bool systemPrefersDark();
    /// True while no preview theme was chosen: the preview follows the system's look.
    bool followsSystemTheme() const;

Q_SIGNALS:
    /// The meter and preview now reflect the edit with this serial.
    void contentConverted(quint64 serial);
    /// A publish or update ended (after the revision was stored), or was refused.
    void publishFinished(const tg::PublishResult &result);
    /// A page was fetched and opened as a draft (or failed).
    void pageOpened(const tg::PublishResult &result);
    /// The settings dialog was accepted and its values saved.
    void settingsSaved();
    /// The window painted for the first time.
    void firstPainted();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    friend class WindowMenus; // builds the menus over the window's operations
    void onEdited();
    void requestConversion();
    void onConverted(const ConversionResult &result);
    void loadIntoEditor(const Draft &draft);
    void importFile();
    /// Shows or hides the busy indicator in the status bar while content converts off-thread.
    void showConverting(bool busy, const QString &message = {});
    void exportDraft();
    void showSettings();
    void restoreLayout();
    void saveLayout();
    void updatePublishText();
    void fillRecentMenu();

    DraftStore *m_store;
    QSettings *m_settings;
    SecretStore *m_secretStore = nullptr;
    DraftSession *m_session = nullptr;
    EditorPane *m_editor = nullptr;
    SpellingController *m_spelling = nullptr;
    FindBar *m_findBar = nullptr;
    PreviewPane *m_preview = nullptr;
    PreviewPrivacy *m_previewPrivacy = nullptr;
    ContentMeter *m_meter = nullptr;
    MessageArea *m_publishBar = nullptr;
    SaveProblemBar *m_saveProblem = nullptr;
    BusyIndicator *m_convertingIndicator = nullptr;
    DraftsPanel *m_drafts = nullptr;
    QSplitter *m_split = nullptr;
    QWidget *m_previewSide = nullptr;
    PreviewScheduler *m_scheduler = nullptr;
    PublishController *m_publishing = nullptr;
    TemplateActions *m_templates = nullptr;
    PrivateLinkOption *m_privateLink = nullptr;
    QMenu *m_viewMenu = nullptr;
    LayoutMode *m_layoutMode = nullptr;
    WritingStatus *m_writing = nullptr;
    FocusMode *m_focus = nullptr;
    TypewriterScroll *m_typewriter = nullptr;
    bool m_painted = false;
    QMenu *m_accountMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_publishAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QPointer<ImageDropHandler> m_imageDrop;
    QPointer<SearchDialog> m_search;
    std::unique_ptr<RecentFiles> m_recent;
    bool m_localServer = false; ///< the client talks to a sandbox on this computer
    AuthorDefaults m_accountAuthor;
    ConversionResult m_lastResult;
    quint64 m_serial = 0;
    EditorSettings m_editorSettings;
    PreviewSettings m_previewSettings;
};

} // namespace tg
