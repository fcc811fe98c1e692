{{/* Chart name, overridable. */}}
{{- define "cert-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full resource name: the release name, suffixed with the chart name unless it already contains it. */}}
{{- define "cert-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "cert-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "cert-gateway.labels" -}}
helm.sh/chart: {{ include "cert-gateway.chart" . }}
{{ include "cert-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cert-gateway
{{- end }}

{{/* The immutable subset used by selectors: never add to it, Deployments cannot change their selector. */}}
{{- define "cert-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cert-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "cert-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cert-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "cert-gateway.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* True (non-empty) when the actuator listens on its own port. */}}
{{- define "cert-gateway.separateManagementPort" -}}
{{- if ne (int .Values.management.port) (int .Values.port) }}true{{ end }}
{{- end }}

{{/* Name of the container and Service port that serves health and metrics. */}}
{{- define "cert-gateway.managementPortName" -}}
{{- if include "cert-gateway.separateManagementPort" . }}management{{ else }}http{{ end }}
{{- end }}

{{/* Where a local authority's Secret is mounted. */}}
{{- define "cert-gateway.authorityDir" -}}
/etc/cert-gateway/authorities/{{ . }}
{{- end }}

{{/* Environment variable carrying an authority's keystore password: not a certgw.* name, so Spring's relaxed
     binding cannot mistake it for configuration. */}}
{{- define "cert-gateway.keystorePasswordEnv" -}}
KEYSTORE_PASSWORD_{{ regexReplaceAll "[^A-Za-z0-9]" . "_" | upper }}
{{- end }}

{{/* Volume name of an authority's Secret (DNS-1123 label). */}}
{{- define "cert-gateway.authorityVolume" -}}
{{- printf "ca-%s" (regexReplaceAll "[^a-z0-9-]" (lower .) "-") | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The generated application.yaml. Everything here comes from values; no secret is ever rendered. */}}
{{- define "cert-gateway.applicationYaml" -}}
{{- $jwt := dict }}
{{- with .Values.jwt.issuerUri }}{{ $_ := set $jwt "issuer-uri" . }}{{ end }}
{{- with .Values.jwt.jwkSetUri }}{{ $_ := set $jwt "jwk-set-uri" . }}{{ end }}
{{- if .Values.jwt.publicKey }}{{ $_ := set $jwt "public-key-location" "file:/etc/cert-gateway/config/jwt-public.pem" }}{{ end }}
{{- with .Values.jwt.audiences }}{{ $_ := set $jwt "audiences" . }}{{ end }}
{{- $datasource := dict "username" .Values.database.username }}
{{- with .Values.database.url }}{{ $_ := set $datasource "url" . }}{{ end }}
{{- $spring := dict "datasource" $datasource }}
{{- if $jwt }}
{{- $_ := set $spring "security" (dict "oauth2" (dict "resourceserver" (dict "jwt" $jwt))) }}
{{- end }}
{{- $authorities := dict }}
{{- range $alias, $a := .Values.authorities }}
{{- $out := dict }}
{{- $backend := default "local" $a.backend }}
{{- if eq $backend "acm-pca" }}
{{- $_ := set $out "backend" "acm-pca" }}
{{- $pca := dict }}
{{- range $k, $v := $a.acmPca }}{{ $_ := set $pca (kebabcase $k) $v }}{{ end }}
{{- $_ := set $out "acm-pca" $pca }}
{{- else }}
{{- $dir := include "cert-gateway.authorityDir" $alias }}
{{- if $a.keystore }}
{{- $ks := dict "location" (printf "file:%s/%s" $dir (default "keystore.p12" $a.keystore.key)) }}
{{- if $a.keystore.passwordKey }}{{ $_ := set $ks "password" (printf "${%s}" (include "cert-gateway.keystorePasswordEnv" $alias)) }}{{ end }}
{{- with $a.keystore.alias }}{{ $_ := set $ks "alias" . }}{{ end }}
{{- $_ := set $out "keystore" $ks }}
{{- else }}
{{- $_ := set $out "certificate-chain" (printf "file:%s/%s" $dir (default "tls.crt" $a.certificateChainKey)) }}
{{- $_ := set $out "private-key" (printf "file:%s/%s" $dir (default "tls.key" $a.privateKeyKey)) }}
{{- end }}
{{- end }}
{{- if hasKey $a "enabled" }}{{ $_ := set $out "enabled" $a.enabled }}{{ end }}
{{- with $a.arn }}{{ $_ := set $out "arn" . }}{{ end }}
{{- with $a.crlDistributionPoint }}{{ $_ := set $out "crl-distribution-point" . }}{{ end }}
{{- with $a.caIssuers }}{{ $_ := set $out "ca-issuers" . }}{{ end }}
{{- with $a.ocsp }}{{ $_ := set $out "ocsp" . }}{{ end }}
{{- $_ := set $authorities $alias $out }}
{{- end }}
{{- $idem := .Values.idempotency }}
{{- $certgw := dict
    "security" (dict "team-claim" .Values.security.teamClaim)
    "idempotency" (dict "window" $idem.window "lease" $idem.lease "cleanup-interval" $idem.cleanupInterval "cleanup-batch-size" $idem.cleanupBatchSize)
    "authorities" $authorities }}
{{- if .Values.policy.content }}
{{- $_ := set $certgw "policy" (dict "location" "file:/etc/cert-gateway/policy/policy.yaml" "reload-interval" .Values.policy.reloadInterval) }}
{{- end }}
# Generated by the cert-gateway Helm chart from its values; edit the values, not this file.
{{ dict "spring" $spring "certgw" $certgw | toYaml }}
{{- with .Values.extraConfig }}
---
# extraConfig: a later document, so it overrides the generated settings above.
{{ toYaml . }}
{{- end }}
{{- end }}
