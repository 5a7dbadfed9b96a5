"""The six wizard steps, in order."""

from okx_helper.ui.screens.category import CategoryScreen
from okx_helper.ui.screens.contact import ContactScreen
from okx_helper.ui.screens.describe import DescribeScreen
from okx_helper.ui.screens.privacy_step import PrivacyScreen
from okx_helper.ui.screens.review import ReviewScreen
from okx_helper.ui.screens.tone_step import ToneScreen

SCREENS = (ContactScreen, CategoryScreen, DescribeScreen, PrivacyScreen, ToneScreen, ReviewScreen)
