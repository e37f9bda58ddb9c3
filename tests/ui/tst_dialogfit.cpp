// SPDX-License-Identifier: MIT
// Dialogs open wide enough for their own text, in English and in the longer translations, and the
// accounts panel's buttons stay where they are whatever its status line says.
#include "accounts/accountdialog.h"
#include "accounts/accountpanel.h"
#include "api/apitypes.h"
#include "api/filesecretstore.h"
#include "api/telegraphclient.h"
#include "pages/unpublishdialog.h"
#include "sandboxfixture.h"
#include "settings/i18n.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "workflow/accountmanager.h"
#include "workflow/unpublishflow.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tg;
using namespace Qt::StringLiterals;

namespace {

/// Every visible label of the dialog whose text does not fit into its geometry, with why.
QStringList cutLabels(const QWidget *dialog)
{
    QStringList cut;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(dialog) || label->text().isEmpty())
            continue;
        const QSize size = label->size();
        const QSize hint = label->sizeHint();
        bool fits = false;
        if (label->wordWrap())
            fits = label->heightForWidth(size.width()) <= size.height() &&
                   label->minimumSizeHint().width() <= size.width();
        else
            fits = hint.width() <= size.width() && hint.height() <= size.height();
        if (!fits)
            cut << u"“%1” is %2×%3, needs %4×%5 (word wrap %6)"_s.arg(label->text().left(40))
                       .arg(size.width())
                       .arg(size.height())
                       .arg(hint.width())
                       .arg(label->wordWrap() ? label->heightForWidth(size.width()) : hint.height())
                       .arg(label->wordWrap() ? u"on"_s : u"off"_s);
    }
    return cut;
}

/// The width a line edit draws its text in: inside its frame, less its 2 px margins.
int textWidth(const QLineEdit *edit)
{
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.rect = edit->rect();
    option.lineWidth = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit);
    const QRect contents =
        edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
    const QMargins margins = edit->textMargins();
    return contents.width() - margins.left() - margins.right() - 2 * 2;
}

/// Line edits whose placeholder (the example of what to type) is wider than the edit.
QStringList cutPlaceholders(const QWidget *dialog)
{
    QStringList cut;
    for (const QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (!edit->isVisibleTo(dialog) || edit->placeholderText().isEmpty())
            continue;
        const int needed = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
        if (needed > textWidth(edit))
            cut << u"placeholder “%1” needs %2 px, has %3"_s.arg(edit->placeholderText())
                       .arg(needed)
                       .arg(textWidth(edit));
    }
    return cut;
}

/// Shows the dialog as the app does (no explicit size) and checks what it shows.
void verifyFits(QDialog *dialog)
{
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // Not tiny: room for a sentence, and never less than what its layout asks for.
    QVERIFY2(dialog->width() >= 30 * dialog->fontMetrics().averageCharWidth(),
             qPrintable(u"%1 px wide"_s.arg(dialog->width())));
    QVERIFY2(dialog->width() >= dialog->minimumSizeHint().width() &&
                 dialog->height() >= dialog->minimumSizeHint().height(),
             qPrintable(u"%1×%2, its layout needs %3×%4"_s.arg(dialog->width())
                            .arg(dialog->height())
                            .arg(dialog->minimumSizeHint().width())
                            .arg(dialog->minimumSizeHint().height())));
    QStringList cut = cutLabels(dialog) + cutPlaceholders(dialog);
    QVERIFY2(cut.isEmpty(), qPrintable(u"as opened: "_s + cut.join(u"; "_s)));
    // Made as small as it lets itself be made, it still shows everything.
    dialog->resize(1, 1);
    QApplication::processEvents();
    QVERIFY2(dialog->width() >= 30 * dialog->fontMetrics().averageCharWidth(),
             qPrintable(u"%1 px wide at its smallest"_s.arg(dialog->width())));
    cut = cutLabels(dialog) + cutPlaceholders(dialog);
    QVERIFY2(cut.isEmpty(),
             qPrintable(u"at its smallest (%1×%2): "_s.arg(dialog->width()).arg(dialog->height()) +
                        cut.join(u"; "_s)));
}

void verifyOpenPageFits(QDialog *dialog)
{
    verifyFits(dialog);
    if (QTest::currentTestFailed())
        return;
    // Room for an ordinary page address.
    auto *edit = dialog->findChild<QLineEdit *>();
    QVERIFY(edit);
    const QString url = u"https://telegra.ph/Field-notes-from-the-winter-11-25"_s;
    QVERIFY2(textWidth(edit) >= edit->fontMetrics().horizontalAdvance(url),
             qPrintable(u"the address field shows %1 px of text"_s.arg(textWidth(edit))));
}

Page samplePage()
{
    Page page;
    page.path = u"Field-notes-from-the-long-winter-of-the-northern-islands-11-25"_s;
    page.url =
        u"https://telegra.ph/Field-notes-from-the-long-winter-of-the-northern-islands-11-25"_s;
    page.title = u"Field notes from the long winter of the northern islands"_s;
    return page;
}

} // namespace

class TestDialogFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void accountDialog_showsAllItsText_data();
    void accountDialog_showsAllItsText();
    void unpublishDialog_showsAllItsText_data();
    void unpublishDialog_showsAllItsText();
    void openPageDialog_showsAllItsText_data();
    void openPageDialog_showsAllItsText();
    void unpublishNotice_returnKeepsTheText();
    void accountPanel_buttonsStayWhenTheStatusTextChanges();

private:
    void applyLanguage();
    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<I18n> m_i18n;
};

void TestDialogFit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestDialogFit::cleanup()
{
    m_i18n.reset(); // back to English
}

void TestDialogFit::applyLanguage()
{
    QFETCH(QString, language);
    m_i18n = std::make_unique<I18n>();
    QCOMPARE(m_i18n->apply(language), language);
}

static void addLanguages()
{
    QTest::addColumn<QString>("language");
    // English, and the translations whose sentences run longest.
    for (const char *code : {"en", "de", "ru", "fa"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestDialogFit::accountDialog_showsAllItsText_data()
{
    addLanguages();
}

void TestDialogFit::accountDialog_showsAllItsText()
{
    applyLanguage();
    for (AccountDialog::Mode mode :
         {AccountDialog::Mode::Create, AccountDialog::Mode::Import, AccountDialog::Mode::Edit}) {
        AccountDialog dialog(mode);
        verifyFits(&dialog);
        if (QTest::currentTestFailed())
            qWarning() << "in mode" << int(mode);
    }
}

void TestDialogFit::unpublishDialog_showsAllItsText_data()
{
    addLanguages();
}

void TestDialogFit::unpublishDialog_showsAllItsText()
{
    applyLanguage();
    UnpublishDialog dialog(samplePage());
    verifyFits(&dialog);
}

void TestDialogFit::openPageDialog_showsAllItsText_data()
{
    addLanguages();
}

void TestDialogFit::openPageDialog_showsAllItsText()
{
    applyLanguage();
    // The dialog File → Open page… opens, in the real window.
    test::UiTestWindow w;
    QVERIFY(w.open());
    QAction *open = nullptr;
    for (QAction *a : w.window->findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(QKeySequence::Open))
            open = a;
    }
    QVERIFY(open);
    bool shown = false;
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        shown = true;
        verifyOpenPageFits(dialog); // on failure too, the dialog closes

        dialog->reject();
    });
    poll.start();
    open->trigger();
    QVERIFY2(shown || QTest::currentTestFailed(), "File → Open page… showed no dialog");
}

void TestDialogFit::unpublishNotice_returnKeepsTheText()
{
    UnpublishDialog dialog(samplePage());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPlainTextEdit *notice = dialog.noticeEdit();
    // The notice is offered selected, so typing replaces it.
    QCOMPARE(notice->textCursor().selectedText(), UnpublishFlow::defaultNotice());
    QTest::keyClick(notice, Qt::Key_Return);
    QCOMPARE(dialog.notice(), UnpublishFlow::defaultNotice());
    QVERIFY(dialog.unpublishButton()->isEnabled());
    // A second line is written below the first, not over it.
    QTest::keyClicks(notice, u"See you elsewhere."_s);
    QCOMPARE(dialog.notice(), UnpublishFlow::defaultNotice() + u"\nSee you elsewhere."_s);
    // Typing over the offered text still replaces it.
    notice->selectAll();
    QTest::keyClicks(notice, u"Moved."_s);
    QCOMPARE(dialog.notice(), u"Moved."_s);
    QVERIFY(dialog.isVisible());
    // Ctrl+Return unpublishes, with the text as typed.
    QTest::keyClick(notice, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.notice(), u"Moved."_s);
}

void TestDialogFit::accountPanel_buttonsStayWhenTheStatusTextChanges()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ClientSettings cs;
    cs.apiUrl = m_sandbox->url();
    cs.proxy.mode = ProxySettings::Mode::None;
    TelegraphClient client(cs);
    FileSecretStore secrets(dir.filePath(u"tokens.json"_s));
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AccountManager manager(&client, &secrets, dir.path(), &settings);
    QWidget host;
    host.resize(320, 520);
    auto *panel = new AccountPanel(&manager, &host);
    panel->setGeometry(host.rect());
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    const QList<QPushButton *> buttons = panel->findChildren<QPushButton *>();
    QCOMPARE(buttons.size(), 6);
    const auto geometries = [&buttons] {
        QList<QRect> g;
        for (const QPushButton *b : buttons)
            g << QRect(b->mapTo(b->window(), QPoint(0, 0)), b->size());
        return g;
    };
    const QList<QRect> before = geometries();

    // A real refusal from the server shows in the status line.
    QSignalSpy done(&manager, &AccountManager::operationFinished);
    manager.importAccount(u"blog"_s, u"not-a-token"_s);
    QVERIFY(done.wait(10000));
    QVERIFY(!panel->statusLabel()->text().isEmpty());
    QTest::qWait(0);
    QCOMPARE(geometries(), before);

    // A long message wraps onto many lines, and an unbreakable one is wider than the panel.
    const QString text = panel->statusLabel()->text();
    for (const QString &status : QStringList{
             QStringList{text, text, text, text}.join(u' '),
             u"/home/writer/.config/telegraph-desktop/accounts/a-very-long-folder-name-without-any-"
             u"spaces-in-it/tokens.json"_s}) {
        panel->showStatus(status);
        QApplication::processEvents(); // the layout's pending request
        QCOMPARE(geometries(), before);
        QCOMPARE(panel->statusLabel()->text(), status);
        QCOMPARE(panel->statusLabel()->toolTip(), status); // all of it, even where it is cut
        QVERIFY(panel->statusLabel()->isVisible());
    }
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestDialogFit tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_dialogfit.moc"
