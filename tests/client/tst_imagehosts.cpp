// SPDX-License-Identifier: MIT
#include "testmain.h"
class T : public QObject
{
    Q_OBJECT
};
TG_TEST_MAIN_CORE(T)
#include "tst_imagehosts.moc"
