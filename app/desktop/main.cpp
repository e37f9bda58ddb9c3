// SPDX-License-Identifier: MIT
#include <QApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream(stderr) << "telegraph-desktop: not built yet\n";
    return 2;
}
