// The characters Chinese uses to transcribe foreign names, and what each stands for.
//
// The values follow the general transcription table for foreign personal names (外国人名
// 汉字译音表, the Xinhua News Agency's table behind 世界人名翻译大辞典): each character
// fills one cell of a consonant-by-vowel grid, and a column of characters stands for a
// consonant with no vowel (斯 s, 特 t, 克 k, 德 d, 格 g, 布 b, 普 p, 夫 f, 姆 m, 尔 r, 兹 z,
// 茨 ts, 什 sh, 赫 h). Written here from what the table is: the pinyin vowel of a character
// says which column it sits in (ai, ei and ie are the e column, uo and ao the o column),
// and a character that also serves as a bare consonant gets an optional vowel (德 dE; 希,
// which writes German ch with no vowel, 里希特 Richter, hI). 谢 writes Russian се as well as
// she (谢尔盖 Sergei): its h is optional, as katakana シ's. 盖 is the table's ge, but its
// pinyin is gai, and transcribers write a foreign ga, gai and gei with it as well (盖约齐
// Caiozzi, 盖佐 Gejza): its a, e and i are all optional, so that it meets each (gAEI). The
// spellings are folded as list names are (k for c, i for y and for j before a vowel, v
// for w), so a pattern meets a folded token letter for letter.
//
// Thread-safety: a constant table, sorted once (a function-local static).
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "names/transcribe.h"

namespace interdict {
namespace {

using Cell = std::pair<char32_t, std::string_view>;

// clang-format off
constexpr Cell kHan[] = {
    // Vowels, the y glide, and bare consonants.
    {U'阿', "a"}, {U'埃', "e"}, {U'艾', "e"}, {U'爱', "e"}, {U'伊', "i"}, {U'奥', "o"}, {U'欧', "o"},
    {U'乌', "u"}, {U'厄', "e"}, {U'尔', "r"}, {U'安', "an"}, {U'恩', "En"}, {U'因', "in"}, {U'英', "in"},
    {U'翁', "on"}, {U'亚', "Ia"}, {U'雅', "Ia"}, {U'娅', "Ia"}, {U'耶', "Ie"}, {U'叶', "Ie"}, {U'约', "Io"},
    {U'尤', "Iu"}, {U'于', "Iu"}, {U'扬', "Ian"}, {U'杨', "Ian"}, {U'易', "i"}, {U'延', "Ien"}, {U'云', "Iun"}, {U'永', "Ion"},
    // b
    {U'布', "bU"}, {U'巴', "ba"}, {U'贝', "be"}, {U'比', "bi"}, {U'彼', "bi"}, {U'毕', "bi"}, {U'碧', "bi"},
    {U'博', "bo"}, {U'波', "bo"}, {U'伯', "bEr"}, {U'班', "ban"}, {U'本', "ben"}, {U'宾', "bin"},
    {U'邦', "bon"}, {U'别', "be"}, {U'菠', "bo"}, {U'拜', "bai"}, {U'鲍', "bo"}, {U'包', "bau"}, {U'白', "bai"}, {U'柏', "bo"},
    // p
    {U'普', "pU"}, {U'帕', "pa"}, {U'佩', "pe"}, {U'皮', "pi"}, {U'珀', "po"}, {U'坡', "po"}, {U'保', "pau"},
    {U'潘', "pan"}, {U'彭', "pen"}, {U'平', "pin"}, {U'庞', "pon"}, {U'派', "pai"}, {U'蓬', "pon"},
    // d
    {U'德', "dE"}, {U'达', "da"}, {U'代', "de"}, {U'戴', "dai"}, {U'黛', "de"}, {U'迪', "di"}, {U'狄', "di"},
    {U'多', "do"}, {U'朵', "do"}, {U'杜', "du"}, {U'都', "du"}, {U'丹', "dan"}, {U'登', "den"}, {U'丁', "din"},
    {U'东', "don"}, {U'敦', "dun"}, {U'道', "do"}, {U'铎', "do"},
    // Russian ти, ди and тин (the Russian table's cells: 瓦季姆 Vadim, 普京 Putin)
    {U'季', "ti"}, {U'京', "tin"},
    // t
    {U'特', "tE"}, {U'塔', "ta"}, {U'泰', "te"}, {U'太', "tai"}, {U'蒂', "ti"}, {U'提', "ti"}, {U'托', "to"},
    {U'陀', "to"}, {U'图', "tu"}, {U'坦', "tan"}, {U'滕', "ten"}, {U'廷', "tin"}, {U'婷', "tin"},
    {U'通', "ton"}, {U'顿', "ton"}, {U'汤', "tan"}, {U'陶', "tau"}, {U'汀', "tin"}, {U'铁', "te"}, {U'唐', "tan"},
    // g
    {U'格', "gE"}, {U'加', "ga"}, {U'嘉', "ga"}, {U'盖', "gAEI"}, {U'吉', "gi"}, {U'戈', "go"}, {U'哥', "go"},
    {U'果', "go"}, {U'郭', "go"}, {U'古', "gu"}, {U'谷', "gu"}, {U'甘', "gan"}, {U'冈', "gan"}, {U'根', "gen"},
    {U'金', "gin"}, {U'贡', "gon"}, {U'衮', "gun"}, {U'瓜', "gua"}, {U'关', "guan"}, {U'官', "guan"}, {U'圭', "gui"}, {U'桂', "gui"},
    {U'高', "go"}, {U'葛', "go"},
    // k
    {U'克', "kE"}, {U'卡', "ka"}, {U'凯', "ke"}, {U'开', "kai"}, {U'基', "ki"}, {U'科', "ko"}, {U'柯', "ko"},
    {U'可', "ko"}, {U'库', "ku"}, {U'坎', "kan"}, {U'康', "kon"}, {U'肯', "ken"}, {U'孔', "kon"},
    {U'昆', "kun"}, {U'夸', "kua"}, {U'奎', "kui"}, {U'寇', "ko"}, {U'考', "ko"},
    // f (芙 is the f of women's names, as 夫 of men's: 伊芙 Eve, 吉纳维芙 Geneviève)
    {U'夫', "fU"}, {U'弗', "fU"}, {U'法', "fa"}, {U'费', "fe"}, {U'菲', "fi"}, {U'斐', "fe"}, {U'福', "fo"},
    {U'佛', "fo"}, {U'富', "fu"}, {U'傅', "fu"}, {U'芙', "fU"}, {U'凡', "fan"}, {U'范', "fan"},
    {U'芬', "fen"}, {U'丰', "fon"}, {U'方', "fan"}, {U'冯', "fon"},
    // v and w (w folds to v)
    {U'瓦', "va"}, {U'娃', "va"}, {U'韦', "ve"}, {U'维', "vi"}, {U'薇', "vi"}, {U'威', "vi"}, {U'沃', "vo"},
    {U'伍', "vu"}, {U'武', "vu"}, {U'万', "van"}, {U'文', "ven"}, {U'旺', "van"}, {U'华', "va"},
    {U'怀', "vai"}, {U'温', "vin"}, {U'魏', "ve"},
    // m
    {U'姆', "mU"}, {U'马', "ma"}, {U'玛', "ma"}, {U'麦', "me"}, {U'迈', "mai"}, {U'梅', "me"}, {U'美', "me"},
    {U'米', "mi"}, {U'密', "mi"}, {U'莫', "mo"}, {U'墨', "mo"}, {U'默', "mo"}, {U'摩', "mo"}, {U'茂', "mo"},
    {U'穆', "mu"}, {U'慕', "mu"}, {U'曼', "man"}, {U'蔓', "man"}, {U'门', "men"}, {U'孟', "men"},
    {U'明', "min"}, {U'敏', "min"}, {U'蒙', "mon"}, {U'芒', "man"}, {U'缪', "miu"}, {U'满', "man"},
    // n
    {U'纳', "na"}, {U'娜', "na"}, {U'那', "na"}, {U'内', "ne"}, {U'奈', "ne"}, {U'尼', "ni"}, {U'妮', "ni"},
    {U'诺', "no"}, {U'努', "nu"}, {U'南', "nan"}, {U'楠', "nan"}, {U'嫩', "nen"}, {U'宁', "nin"},
    {U'农', "non"}, {U'瑙', "nau"}, {U'纽', "niu"}, {U'聂', "nie"}, {U'涅', "ne"},
    // l and r (one liquid: compared as one letter)
    {U'勒', "lE"}, {U'拉', "la"}, {U'莱', "le"}, {U'来', "lai"}, {U'赖', "lai"}, {U'利', "li"}, {U'莉', "li"},
    {U'丽', "li"}, {U'里', "ri"}, {U'理', "li"}, {U'力', "li"}, {U'洛', "lo"}, {U'罗', "ro"}, {U'卢', "lu"},
    {U'路', "lu"}, {U'露', "lu"}, {U'鲁', "ru"}, {U'兰', "lan"}, {U'朗', "lan"}, {U'伦', "ren"},
    {U'仑', "ren"}, {U'林', "lin"}, {U'琳', "lin"}, {U'霖', "lin"}, {U'隆', "lon"}, {U'龙', "lon"},
    {U'雷', "re"}, {U'蕾', "re"}, {U'劳', "lo"}, {U'乐', "le"}, {U'列', "le"}, {U'莲', "len"}, {U'柳', "liu"}, {U'略', "lIo"}, {U'吕', "lu"},
    {U'瑞', "ri"}, {U'茹', "ru"},
    // s and z
    {U'斯', "s"}, {U'萨', "sa"}, {U'撒', "sa"}, {U'莎', "sa"}, {U'塞', "se"}, {U'赛', "se"}, {U'西', "si"},
    {U'锡', "si"}, {U'思', "sI"}, {U'丝', "si"}, {U'席', "si"}, {U'索', "so"}, {U'梭', "so"}, {U'苏', "su"}, {U'素', "su"},
    {U'桑', "san"}, {U'森', "sen"}, {U'辛', "sin"}, {U'松', "son"}, {U'孙', "sun"}, {U'瑟', "se"},
    {U'兹', "z"}, {U'扎', "za"}, {U'泽', "ze"}, {U'齐', "zi"}, {U'济', "zi"}, {U'佐', "zo"}, {U'祖', "zu"},
    {U'赞', "zan"}, {U'曾', "zen"}, {U'津', "zin"}, {U'宗', "zon"}, {U'尊', "zun"},
    // ts, ch, sh, zh (French and Portuguese j)
    {U'茨', "ts"}, {U'措', "tso"}, {U'策', "tse"}, {U'采', "tse"}, {U'岑', "tsen"},
    {U'奇', "chI"}, {U'查', "cha"}, {U'恰', "cha"}, {U'切', "che"}, {U'契', "chi"}, {U'琪', "chi"},
    {U'乔', "io"}, {U'焦', "io"}, {U'丘', "chu"}, {U'楚', "chu"}, {U'琼', "ion"}, {U'钱', "chan"}, {U'钦', "chin"},
    {U'什', "sh"}, {U'沙', "sha"}, {U'夏', "sha"}, {U'谢', "sHe"}, {U'舍', "she"}, {U'肖', "sho"},
    {U'绍', "sho"}, {U'舒', "shu"}, {U'尚', "shan"}, {U'申', "shen"}, {U'施', "shI"}, {U'史', "shI"}, {U'彻', "che"},
    {U'日', "zh"}, {U'热', "zhe"}, {U'让', "zhan"}, {U'若', "zho"}, {U'卓', "zho"}, {U'饶', "zho"},
    // h
    {U'赫', "hE"}, {U'哈', "ha"}, {U'海', "he"}, {U'黑', "he"}, {U'希', "hI"}, {U'霍', "ho"}, {U'豪', "ho"},
    {U'侯', "ho"}, {U'何', "he"}, {U'胡', "hu"}, {U'汉', "han"}, {U'翰', "han"}, {U'亨', "hen"}, {U'洪', "hon"},
    {U'惠', "hui"}, {U'休', "hiu"}, {U'欣', "hin"},
    // English j and Italian gi (j folds to i before a vowel); 琼 is jo with a nasal, as 乔 is
    // jo (琼斯 Jones, 琼 Joan)
    {U'贾', "ia"}, {U'杰', "ie"}, {U'朱', "iu"}, {U'詹', "ian"}, {U'治', "zhi"},
};
// clang-format on

const std::vector<Cell>& sorted_han() {
  static const std::vector<Cell> table = [] {
    std::vector<Cell> t(std::begin(kHan), std::end(kHan));
    std::sort(t.begin(), t.end());
    return t;
  }();
  return table;
}

}  // namespace

std::string han_pattern(std::u32string_view word) {
  const auto& table = sorted_han();
  std::string out;
  for (char32_t c : word) {
    const auto it = std::lower_bound(table.begin(), table.end(), Cell{c, {}},
                                     [](const Cell& a, const Cell& b) { return a.first < b.first; });
    if (it == table.end() || it->first != c) return {};
    out += it->second;
  }
  return single_letters(optional_glides(std::move(out), false));
}

}  // namespace interdict
