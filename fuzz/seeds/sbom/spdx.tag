SPDXVersion: SPDX-2.3
PackageName: app
SPDXID: SPDXRef-app
PackageVersion: 1.0
PackageComment: <text>x
y</text>
ExternalRef: PACKAGE-MANAGER purl pkg:cocoapods/WechatOpenSDK@1.8.7.1
Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app
FileName: ./a
