// SPDX-License-Identifier: MIT
// Right-to-left paragraphs in the source editor: each takes its direction from its own text and
// right-to-left ones sit against the right edge, in either UI direction, without touching the
// text or the undo history. Keeps a picture of the editor as a test artifact.
#include "editor/sourceeditor.h"
#include "testmain.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDir>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace tg;

namespace {

const QString Persian = QStringLiteral("سفر به کویر: روز اول");
const QString English = QStringLiteral("A trip to the desert: day one");

QTextBlock blockStarting(QTextDocument *doc, const QString &prefix)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (b.text().startsWith(prefix))
            return b;
    }
    return QTextBlock();
}

} // namespace

class TestRtlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paragraphs_takeTheirOwnDirection_data()
    {
        QTest::addColumn<Qt::LayoutDirection>("ui");
        QTest::newRow("English UI") << Qt::LeftToRight;
        QTest::newRow("Persian UI") << Qt::RightToLeft;
    }

    void paragraphs_takeTheirOwnDirection()
    {
        QFETCH(Qt::LayoutDirection, ui);
        SourceEditor e;
        e.setLayoutDirection(ui);
        e.resize(700, 400);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.setPlainText(Persian + QStringLiteral("\n\n") + English + QStringLiteral("\n\n") +
                       QStringLiteral("## عنوان\n- مورد یک\n") +
                       QStringLiteral("Tehran is تهران\n") + QStringLiteral("تهران is Tehran\n"));
        const int undoSteps = e.document()->availableUndoSteps();
        e.document()->setModified(false);
        e.viewport()->repaint();

        struct Expect
        {
            QString prefix;
            bool rtl;
        };
        const Expect expected[] = {
            {Persian.left(3), true},           {English.left(6), false},
            {QStringLiteral("## "), true},     {QStringLiteral("- "), true},
            {QStringLiteral("Tehran"), false}, {QStringLiteral("تهران"), true},
        };
        const qreal width =
            e.document()->documentLayout()->blockBoundingRect(e.document()->begin()).width();
        for (const Expect &x : expected) {
            const QTextBlock b = blockStarting(e.document(), x.prefix);
            QVERIFY2(b.isValid(), qPrintable(x.prefix));
            QCOMPARE(SourceEditor::paragraphDirection(b.text()) == Qt::RightToLeft, x.rtl);
            QVERIFY2(b.textDirection() == (x.rtl ? Qt::RightToLeft : Qt::LeftToRight),
                     qPrintable(b.text()));
            // Right-to-left paragraphs end at the right edge, left-to-right ones start at the left.
            const QTextLine line = b.layout()->lineAt(0);
            const QRectF r = line.naturalTextRect();
            if (x.rtl)
                QVERIFY2(r.right() > width - 30,
                         qPrintable(b.text() + QLatin1Char(' ') + QString::number(r.right())));
            else
                QVERIFY2(r.left() < 30,
                         qPrintable(b.text() + QLatin1Char(' ') + QString::number(r.left())));
        }
        // Direction and alignment are layout only.
        QCOMPARE(e.document()->availableUndoSteps(), undoSteps);
        QVERIFY(!e.document()->isModified());
    }

    void typingPersianIntoAnEmptyParagraph_flipsIt()
    {
        SourceEditor e;
        e.resize(600, 300);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.setPlainText(QStringLiteral("First line\n"));
        e.moveCursor(QTextCursor::End);
        for (const QChar c : QStringLiteral("سلام دنیا")) {
            QTest::sendKeyEvent(QTest::Press, &e, Qt::Key_unknown, QString(c), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, &e, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
        e.viewport()->repaint();
        const QTextBlock last = e.document()->lastBlock();
        QCOMPARE(last.textDirection(), Qt::RightToLeft);
        const QTextLine line = last.layout()->lineAt(0);
        QVERIFY(line.naturalTextRect().right() >
                e.document()->documentLayout()->blockBoundingRect(last).width() - 30);
        QCOMPARE(e.document()->firstBlock().textDirection(), Qt::LeftToRight);
        // Undo removes exactly what was typed.
        while (e.document()->isUndoAvailable() && e.document()->lastBlock().text() != QString())
            e.undo();
        QCOMPARE(e.toPlainText(), QStringLiteral("First line\n"));
    }

    void bigMixedDocument_laysOut()
    {
        SourceEditor e;
        e.resize(800, 600);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        QString text;
        while (text.size() < 64 * 1024)
            text += Persian + QStringLiteral(" — ") + English + QStringLiteral("\n\n") + English +
                    QLatin1Char('\n');
        e.setPlainText(text);
        e.verticalScrollBar()->setValue(e.verticalScrollBar()->maximum() / 2);
        e.viewport()->repaint();
        const QTextBlock b = e.cursorForPosition(QPoint(5, 5)).block();
        QVERIFY(b.isValid());
        QCOMPARE(e.toPlainText().size(), text.size());
    }

    void picture_forReview()
    {
        SourceEditor e;
        e.resize(640, 260);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.setPlainText(QStringLiteral("## نوشتن برای تلگراف\n\nاین یک **متن آزمایشی** است، با "
                                      "[پیوند](https://telegra.ph).\n\n- یک\n- دو\n\n> نقل قول\n\n"
                                      "An English paragraph between them.\n"));
        // Persian has no italics (and the oblique faces no Persian glyphs): the quote stays
        // upright; an English quote is still italic.
        e.appendPlainText(QStringLiteral("> An English quote"));
        auto italicIn = [&](const QString &prefix) {
            const QTextBlock b = blockStarting(e.document(), prefix);
            for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
                if (r.format.fontItalic())
                    return true;
            }
            return false;
        };
        QVERIFY(!italicIn(QStringLiteral("> نقل")));
        QVERIFY(italicIn(QStringLiteral("> An English")));
        const QString dir = QStringLiteral(TG_ARTIFACTS_DIR);
        QDir().mkpath(dir);
        QVERIFY(e.grab().save(dir + QStringLiteral("/source-editor-rtl.png")));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestRtlEditor tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_rtleditor.moc"
