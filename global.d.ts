/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** 云开发 environment id, injected at build time by config/index.ts (defineConstants). */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform Taro is building for. */
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID?: string
    /** 云开发 environment id for the weapp build. */
    CLOUD_ENV?: string
  }
}
