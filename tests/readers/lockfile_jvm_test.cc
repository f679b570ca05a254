// gradle.lockfile, build.gradle (Groovy), build.gradle.kts (Kotlin) and pom.xml: the WeChat
// and TikTok Android SDK coordinates, the ByteDance repository, and damaged lines.
#include <gtest/gtest.h>

#include <string>

#include "match/match.h"
#include "sbom_collector.h"

namespace interdict {
namespace {

using testing_manifest::Collector;
using testing_manifest::read;

TEST(LockfileGradleLock, CoordinatesAndBadLines) {
  const std::string text = R"(# This is a Gradle generated file for dependency locking.
# Manual edits can break the build and are not advised.
# This file is expected to be part of source control.
com.tencent.mm.opensdk:wechat-sdk-android:6.8.0=debugRuntimeClasspath,releaseRuntimeClasspath
com.tiktok.open.sdk:tiktok-open-sdk-core:2.0.0=releaseRuntimeClasspath
not-a-coordinate
org.jetbrains:annotations=compileClasspath
empty=annotationProcessor
)";
  const Collector c = read(ManifestFormat::kGradleLock, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                                                  "pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.0.0"}));
  EXPECT_EQ(c.items[0].component, "com.tencent.mm.opensdk:wechat-sdk-android");
  EXPECT_EQ(c.items[0].version, "6.8.0");
  EXPECT_EQ(c.items[1].line, 5u);
  ASSERT_EQ(c.damages.size(), 2u);
  EXPECT_EQ(c.damages[0].line, 6u);
  EXPECT_EQ(c.damages[1].line, 7u);
  EXPECT_EQ(c.damages[1].reason, "line is not `group:artifact:version=configurations`");
}

TEST(LockfileGradleLock, CoordinatesMatchTheOrdersPatterns) {
  PackageMatcher matcher;
  matcher.add("pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android*", 1);
  matcher.add("pkg:maven/com.tiktok.open.sdk/*", 2);
  const Collector c = read(ManifestFormat::kGradleLock,
                           "com.tencent.mm.opensdk:wechat-sdk-android-without-mta:6.8.0=a\n"
                           "com.tiktok.open.sdk:tiktok-open-sdk-share:2.0.0=a\n"
                           "com.tencent.mm:other:1=a\n");
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_EQ(matcher.match(c.items[0].value)->target, 1u);
  EXPECT_EQ(matcher.match(c.items[1].value)->target, 2u);
  EXPECT_FALSE(matcher.match(c.items[2].value).has_value());
}

TEST(LockfileGradleBuild, GroovyDependenciesRepositoriesAndVariables) {
  const std::string text = R"(buildscript {
    repositories { google() }
    dependencies {
        classpath 'com.android.tools.build:gradle:8.1.0'
    }
}
repositories {
    mavenCentral()
    maven { url 'https://artifact.bytedance.com/repository/AwemeOpenSDK' }
    maven {
        credentials { username "ci" }
        url "https://maven.example.com/releases" // a comment with 'quotes'
    }
}
def wechatVersion = '6.8.0'
dependencies {
    implementation "com.tencent.mm.opensdk:wechat-sdk-android:$wechatVersion"
    implementation group: 'com.tiktok.open.sdk', name: 'tiktok-open-sdk-core', version: '2.0.0'
    api('com.squareup.okhttp3:okhttp:4.12.0') { exclude group: 'x' }
    implementation platform('com.google.firebase:firebase-bom:32.7.0')
    implementation project(':core')
    implementation libs.androidx.core
    debugImplementation 'com.squareup.leakcanary:leakcanary-android:2.12@aar'
    // implementation 'commented:out:1.0'
    /* implementation 'block:comment:1.0'
       implementation 'still:comment:1.0' */
    kapt 'broken'
    testImplementation "junit:junit:${junitVersion}"
    implementation group: 'no.name'
}
)";
  const Collector c = read(ManifestFormat::kGradleBuild, text, "app/build.gradle");
  EXPECT_EQ(c.values(), (std::vector<std::string>{
                            "pkg:maven/com.android.tools.build/gradle@8.1.0",
                            "https://artifact.bytedance.com/repository/AwemeOpenSDK",
                            "https://maven.example.com/releases",
                            "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                            "pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.0.0",
                            "pkg:maven/com.squareup.okhttp3/okhttp@4.12.0",
                            "pkg:maven/com.google.firebase/firebase-bom@32.7.0",
                            "pkg:maven/com.squareup.leakcanary/leakcanary-android@2.12?type=aar",
                            "pkg:maven/junit/junit",
                        }));
  EXPECT_EQ(c.items[1].kind, CodeKind::kUrl);
  EXPECT_EQ(c.items[1].role, "repository");
  EXPECT_EQ(c.items[1].line, 9u);
  EXPECT_EQ(c.items[2].line, 12u);
  EXPECT_EQ(c.items[3].line, 17u);
  EXPECT_EQ(c.items[3].version, "6.8.0");
  EXPECT_EQ(c.items[4].component, "com.tiktok.open.sdk:tiktok-open-sdk-core");
  EXPECT_EQ(text.substr(c.items[1].offset, 8), "https://");
  ASSERT_EQ(c.damages.size(), 2u);
  EXPECT_EQ(c.damages[0].line, 27u);
  EXPECT_EQ(c.damages[0].reason, "dependency `broken` is not `group:artifact[:version]`");
  EXPECT_EQ(c.damages[1].line, 29u);
  EXPECT_EQ(c.damages[1].reason, "map dependency without `group` or `name`");
}

TEST(LockfileGradleBuild, KotlinDslDependenciesAndRepositories) {
  const std::string text = R"(repositories {
    google()
    maven(url = "https://artifact.bytedance.com/repository/AwemeOpenSDK")
    maven("https://jitpack.io")
    maven { url = uri("https://maven.example.com/kts") }
    maven {
        setUrl("https://maven.example.com/set")
    }
}
val wechat = "6.8.0"
dependencies {
    implementation("com.tencent.mm.opensdk:wechat-sdk-android:$wechat")
    implementation(group = "com.tiktok.open.sdk", name = "tiktok-open-sdk-core", version = "2.0.0")
    implementation(libs.tiktok.share)
    implementation(platform("com.google.firebase:firebase-bom:32.7.0"))
    "implementation"("quoted:config:1.0")
    ksp("com.google.dagger:hilt-compiler:2.50")
}
)";
  const Collector c = read(ManifestFormat::kGradleBuild, text, "app/build.gradle.kts");
  EXPECT_TRUE(c.damages.empty());
  EXPECT_EQ(c.values(), (std::vector<std::string>{
                            "https://artifact.bytedance.com/repository/AwemeOpenSDK",
                            "https://jitpack.io",
                            "https://maven.example.com/kts",
                            "https://maven.example.com/set",
                            "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                            "pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.0.0",
                            "pkg:maven/com.google.firebase/firebase-bom@32.7.0",
                            "pkg:maven/com.google.dagger/hilt-compiler@2.50",
                        }));
  EXPECT_EQ(c.items[3].line, 7u);
}

constexpr std::string_view kPom = R"(<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>com.example</groupId>
    <artifactId>parent</artifactId>
    <version>3.0.0</version>
  </parent>
  <artifactId>demo</artifactId>
  <properties>
    <wechat.version>6.8.0</wechat.version>
    <tiktok.version>${tiktok.base}.0</tiktok.version>
    <tiktok.base>2.0</tiktok.base>
    <loop>${loop}</loop>
  </properties>
  <repositories>
    <repository>
      <id>bytedance</id>
      <url>https://artifact.bytedance.com/repository/AwemeOpenSDK</url>
    </repository>
  </repositories>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.tiktok.open.sdk</groupId>
        <artifactId>tiktok-open-sdk-core</artifactId>
        <version>${tiktok.version}</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>com.tencent.mm.opensdk</groupId>
      <artifactId>wechat-sdk-android</artifactId>
      <version>${wechat.version}</version>
    </dependency>
    <dependency>
      <groupId>${project.groupId}</groupId>
      <artifactId>demo-core</artifactId>
      <version>${project.version}</version>
      <classifier>tests</classifier>
      <type>test-jar</type>
    </dependency>
    <dependency>
      <groupId>org.unknown</groupId>
      <artifactId>lib</artifactId>
      <version>${undefined.version}</version>
    </dependency>
    <dependency><groupId>x</groupId><artifactId>looping</artifactId><version>${loop}</version></dependency>
    <dependency>
      <artifactId>no-group</artifactId>
    </dependency>
  </dependencies>
</project>
)";

TEST(LockfileMavenPom, ProjectParentDependenciesPropertiesRepositories) {
  const Collector c = read(ManifestFormat::kMavenPom, kPom, "pom.xml");
  EXPECT_EQ(c.values(), (std::vector<std::string>{
                            "pkg:maven/com.example/parent@3.0.0",
                            "pkg:maven/com.example/demo@3.0.0",
                            "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                            "pkg:maven/com.example/demo-core@3.0.0?classifier=tests&type=test-jar",
                            "pkg:maven/org.unknown/lib",
                            "pkg:maven/x/looping",
                            "pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.0.0",
                            "https://artifact.bytedance.com/repository/AwemeOpenSDK",
                        }));
  EXPECT_EQ(c.items[0].role, "parent");
  EXPECT_EQ(c.items[0].line, 4u);
  EXPECT_EQ(c.items[1].role, "self");
  EXPECT_EQ(c.items[1].line, 2u);
  EXPECT_EQ(c.items[2].line, 32u);
  EXPECT_EQ(c.items[2].version, "6.8.0");
  EXPECT_EQ(c.items[7].role, "repository");
  EXPECT_EQ(c.items[7].line, 19u);
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_EQ(c.damages[0].reason, "dependency without groupId or artifactId");
  EXPECT_EQ(c.damages[0].line, 50u);
  EXPECT_FALSE(c.damages[0].fatal);
}

TEST(LockfileMavenPom, TruncatedKeepsWhatWasReadAndDropsTheCutDependency) {
  const std::string text(kPom.substr(0, kPom.find("<artifactId>wechat-sdk-android")));
  const Collector c = read(ManifestFormat::kMavenPom, text);
  EXPECT_EQ(c.values(),
            (std::vector<std::string>{"pkg:maven/com.example/parent@3.0.0", "pkg:maven/com.example/demo@3.0.0",
                                      "pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.0.0",
                                      "https://artifact.bytedance.com/repository/AwemeOpenSDK"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].reason.rfind("xml not well-formed: ", 0), 0u);
}

TEST(LockfileMavenPom, WrongRootIsFatal) {
  const Collector c = read(ManifestFormat::kMavenPom, "<bom/>");
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_EQ(c.damages[0].reason, "root element is `bom`, not `project`");
  EXPECT_TRUE(c.damages[0].fatal);
}

}  // namespace
}  // namespace interdict
