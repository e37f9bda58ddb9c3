// SPDX-License-Identifier: MIT
// Language choice and translator loading: the compiled-in catalogs, the system language, the
// setting, Qt's own translations from QLibraryInfo::TranslationsPath and right-to-left Persian.
#include "settings/i18n.h"
#include "testmain.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tg::I18n;

namespace {
const QStringList Six{u"de"_s, u"es"_s, u"fa"_s, u"pt_BR"_s, u"ru"_s, u"uk"_s};
}

class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void availableLanguages_listsEnglishAndTheSixCompiledIn();
    void resolveLanguage_picksSettingThenSystemThenEnglish_data();
    void resolveLanguage_picksSettingThenSystemThenEnglish();
    void nativeName_namesLanguageInItself_data();
    void nativeName_namesLanguageInItself();

    void apply_persian_isRightToLeftWithQtStrings();
    void apply_german_translatesQtStringsLeftToRight();
    void apply_english_removesTranslatorsAndIsLeftToRight();
    void apply_emptySetting_followsSystemLanguage();
    void apply_unknownSetting_fallsBackToSystem();
    void apply_again_switchesLanguageAndNotifiesWidgets();
    void applyFromSettings_readsLanguageKey();
    void destructor_removesItsTranslators();
};

void TestI18n::cleanup()
{
    QApplication::setLayoutDirection(Qt::LeftToRight);
    QLocale::setDefault(QLocale::c());
}

void TestI18n::availableLanguages_listsEnglishAndTheSixCompiledIn()
{
    const QStringList languages = I18n::availableLanguages();
    QCOMPARE(languages.value(0), u"en"_s);
    for (const QString &code : Six) {
        QVERIFY2(languages.contains(code), qPrintable(code));
        QVERIFY(QFile::exists(I18n::resourceDir() + u"/telegraph-desktop_"_s + code + u".qm"_s));
    }
    QCOMPARE(languages.size(), 7);
}

void TestI18n::resolveLanguage_picksSettingThenSystemThenEnglish_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QStringList>("ui");
    QTest::addColumn<QString>("expected");
    const QStringList none;
    QTest::newRow("setting") << u"de"_s << QStringList{u"ru-RU"_s} << u"de"_s;
    QTest::newRow("setting-dash") << u"pt-BR"_s << none << u"pt_BR"_s;
    QTest::newRow("setting-english") << u"en"_s << QStringList{u"ru-RU"_s} << u"en"_s;
    QTest::newRow("setting-system") << u"system"_s << QStringList{u"uk-UA"_s} << u"uk"_s;
    QTest::newRow("setting-unknown") << u"xx"_s << QStringList{u"es-MX"_s} << u"es"_s;
    QTest::newRow("system-exact") << QString() << QStringList{u"pt-BR"_s} << u"pt_BR"_s;
    QTest::newRow("system-region") << QString() << QStringList{u"de-AT"_s} << u"de"_s;
    QTest::newRow("system-other-portuguese") << QString() << QStringList{u"pt-PT"_s} << u"pt_BR"_s;
    QTest::newRow("system-persian") << QString() << QStringList{u"fa-IR"_s} << u"fa"_s;
    QTest::newRow("system-second-choice")
        << QString() << QStringList{u"ja-JP"_s, u"ru-RU"_s, u"en-US"_s} << u"ru"_s;
    QTest::newRow("system-english-first")
        << QString() << QStringList{u"en-GB"_s, u"de-DE"_s} << u"en"_s;
    QTest::newRow("system-untranslated") << QString() << QStringList{u"ja-JP"_s} << u"en"_s;
    QTest::newRow("system-c") << QString() << QStringList{u"C"_s} << u"en"_s;
    QTest::newRow("nothing") << QString() << none << u"en"_s;
}

void TestI18n::resolveLanguage_picksSettingThenSystemThenEnglish()
{
    QFETCH(QString, setting);
    QFETCH(QStringList, ui);
    QFETCH(QString, expected);
    const QStringList available = QStringList{u"en"_s} + Six;
    QCOMPARE(I18n::resolveLanguage(setting, ui, available), expected);
}

void TestI18n::nativeName_namesLanguageInItself_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("de") << u"de"_s << u"Deutsch"_s;
    QTest::newRow("ru") << u"ru"_s << u"Русский"_s;
    QTest::newRow("fa") << u"fa"_s << u"فارسی"_s;
    QTest::newRow("es") << u"es"_s << u"Español"_s;
}

void TestI18n::nativeName_namesLanguageInItself()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QCOMPARE(I18n::nativeName(code), name);
    QVERIFY(I18n::nativeName(u"pt_BR"_s).startsWith(u"Português"_s));
}

void TestI18n::apply_persian_isRightToLeftWithQtStrings()
{
    I18n i18n;
    QCOMPARE(i18n.apply(u"fa"_s), u"fa"_s);
    QCOMPARE(i18n.language(), u"fa"_s);
    QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
    QCOMPARE(QLocale().language(), QLocale::Persian);
    QVERIFY2(i18n.qtCatalogs().contains(u"qt_fa.qm"_s), qPrintable(i18n.qtCatalogs().join(u' ')));
    // Qt's own catalog says the layout is right to left, as a widget sees it.
    QCOMPARE(QCoreApplication::translate("QGuiApplication", "QT_LAYOUT_DIRECTION"), u"RTL"_s);
    QLabel label(u"text"_s);
    QCOMPARE(label.layoutDirection(), Qt::RightToLeft);
}

void TestI18n::apply_german_translatesQtStringsLeftToRight()
{
    I18n i18n;
    QCOMPARE(i18n.apply(u"de"_s), u"de"_s);
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), u"1.234,5"_s);
}

void TestI18n::apply_english_removesTranslatorsAndIsLeftToRight()
{
    I18n i18n;
    i18n.apply(u"fa"_s);
    QCOMPARE(i18n.apply(u"en"_s), u"en"_s);
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    QVERIFY(i18n.qtCatalogs().isEmpty());
    QVERIFY(!i18n.hasAppTranslation());
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

void TestI18n::apply_emptySetting_followsSystemLanguage()
{
    // main() set LANGUAGE=uk:en before the application started.
    QVERIFY2(QLocale::system().uiLanguages().value(0).startsWith(u"uk"_s),
             qPrintable(QLocale::system().uiLanguages().join(u' ')));
    I18n i18n;
    QCOMPARE(i18n.apply(QString()), u"uk"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Скасувати"_s);
}

void TestI18n::apply_unknownSetting_fallsBackToSystem()
{
    I18n i18n;
    QCOMPARE(i18n.apply(u"tlh"_s), u"uk"_s);
}

void TestI18n::apply_again_switchesLanguageAndNotifiesWidgets()
{
    // Widgets that retranslate listen for LanguageChange; each apply() sends it.
    class Probe : public QWidget
    {
    public:
        int changes = 0;

    protected:
        void changeEvent(QEvent *event) override
        {
            if (event->type() == QEvent::LanguageChange)
                ++changes;
            QWidget::changeEvent(event);
        }
    } probe;
    I18n i18n;
    i18n.apply(u"ru"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Отмена"_s);
    QTRY_VERIFY(probe.changes > 0);
    const int before = probe.changes;
    i18n.apply(u"es"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancelar"_s);
    QTRY_VERIFY(probe.changes > before);
}

void TestI18n::applyFromSettings_readsLanguageKey()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    settings.setValue(I18n::settingsKey(), u"pt_BR"_s);
    I18n i18n;
    QCOMPARE(i18n.applyFromSettings(settings), u"pt_BR"_s);
    QCOMPARE(QLocale().territory(), QLocale::Brazil);
    settings.setValue(I18n::settingsKey(), u"system"_s);
    QCOMPARE(i18n.applyFromSettings(settings), u"uk"_s);
}

void TestI18n::destructor_removesItsTranslators()
{
    {
        I18n i18n;
        i18n.apply(u"de"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    }
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    // A fixed system language for the "follow the system" tests, whatever the machine's.
    qputenv("LANGUAGE", "uk:en");
    qputenv("LC_ALL", "uk_UA.UTF-8");
    QApplication app(argc, argv);
    TestI18n tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_i18n.moc"
