// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace tg {

class AccountSetup;
class AccountWorkspace;
class Connection;
class I18n;
class DraftStore;
class MainWindow;
class SharedSecretStore;
class UpdateChecker;

/// Start-up and shut-down of the desktop app: data folder, drafts database (DraftsOpener) and
/// crash detection, the server connection or an in-app sandbox (Connection), the accounts
/// (AccountSetup), the first-start server question, the update check, and the main window with
/// the cursor in the editor. main() only parses arguments and runs this.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    /// Command-line options of telegraph-desktop.
    struct Options
    {
        bool sandbox = false; ///< --sandbox: run a local Telegraph server inside the app
        bool help = false;
        bool version = false;  ///< --version
        QStringList openItems; ///< positional arguments: files and page links to open
        QString error;         ///< unknown option
    };
    static Options parseArguments(const QStringList &arguments);
    static QString helpText();
    /// The data folder these options use: drafts, settings and caches (a "sandbox" folder inside
    /// the usual one with --sandbox).
    static QString dataDirFor(const Options &options);

    explicit DesktopApp(const Options &options, QObject *parent = nullptr);
    ~DesktopApp() override;

    /// Opens everything and shows the window; false with a message when the data folder or
    /// database cannot be used.
    bool start(QString *error);
    /// Saves every draft and marks the session as ended cleanly (also done on aboutToQuit).
    void shutdown();

    MainWindow *window() const { return m_window.get(); }
    /// The accounts, page list and statistics of the current server (null until the place for
    /// tokens is settled, and without a server).
    AccountWorkspace *accounts() const;
    /// Acts on what the app was asked to open (see tg::OpenRequest): a Markdown or HTML file
    /// becomes a new draft, a page link opens the page for editing. Returns the messages for
    /// arguments that could not be opened.
    QStringList openItems(const QStringList &items, const QString &workingDir = QString());
    /// True when the previous run ended without a clean quit (its drafts were restored).
    bool recoveredFromCrash() const { return m_recovered; }
    QString dataDir() const { return m_dataDir; }
    /// The drafts database (null before start()).
    DraftStore *store() const { return m_store.get(); }

private:
    /// The first start's question, asked in the window (a WelcomeView); the accounts of the
    /// chosen server follow.
    void offerServerChoice();
    /// Drops the client and everything built on it (before switching servers).
    void tearDownConnection();
    /// Checks the update feed when the user turned the check on and it is due (notify only).
    void checkForUpdates();

    Options m_options;
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<I18n> m_i18n; ///< the UI language, applied before any window exists
    std::unique_ptr<DraftStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    /// Tokens and the settings' secrets, shared with the `telegraph` tool (see SharedSecretStore).
    std::unique_ptr<SharedSecretStore> m_secrets;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<AccountSetup> m_accountSetup;
    std::unique_ptr<QNetworkAccessManager> m_updateNetwork;
    std::unique_ptr<UpdateChecker> m_updateChecker;
    bool m_recovered = false;
    bool m_shutDown = false;
};

} // namespace tg
